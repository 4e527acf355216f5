import { XMLBuilder } from "fast-xml-parser";
import { toBeijingIso } from "../i18n/format-date";
import type { FeedChannel } from "./feed-entries";

// XML is built with fast-xml-parser, which escapes every text node: content goes in as escaped
// text rather than CDATA, so "]]>" or "<" in a release cannot break a feed. (The `feed` package
// writes raw CDATA and JSON Feed 1.0; readers need 1.1 and unbreakable XML.)
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  suppressEmptyNode: true,
  processEntities: true,
});

// Characters XML 1.0 forbids (control characters pasted from Word, say) would make readers reject the whole feed.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string) => text.replace(INVALID_XML, "");

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** RFC 822 date in Beijing time: "Thu, 28 Sep 2023 16:32:08 +0800". */
export function rfc822(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toUTCString().replace("GMT", "+0800");
}

export function toRss(channel: FeedChannel, generator: string): string {
  const doc = {
    rss: {
      "@version": "2.0",
      "@xmlns:atom": "http://www.w3.org/2005/Atom",
      "@xmlns:content": "http://purl.org/rss/1.0/modules/content/",
      "@xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel: {
        title: clean(channel.title),
        link: channel.pageUrl,
        description: clean(channel.description),
        language: channel.language,
        generator,
        ...(channel.entries.length ? { lastBuildDate: rfc822(channel.updated) } : {}),
        "atom:link": { "@href": channel.links.rss, "@rel": "self", "@type": "application/rss+xml" },
        item: channel.entries.map((e) => ({
          title: clean(e.title),
          link: e.url,
          guid: { "#text": e.id, "@isPermaLink": "false" },
          pubDate: rfc822(e.published),
          "dc:creator": clean(e.author),
          "atom:updated": toBeijingIso(e.updated),
          category: e.categories.map(clean),
          description: clean(e.summary),
          "content:encoded": clean(e.contentHtml),
          ...(e.image
            ? { enclosure: { "@url": e.image.url, "@type": e.image.type, "@length": String(e.image.length) } }
            : {}),
        })),
      },
    },
  };
  return XML_DECLARATION + builder.build(doc);
}

export function toAtom(channel: FeedChannel, generator: string): string {
  const doc = {
    feed: {
      "@xmlns": "http://www.w3.org/2005/Atom",
      "@xml:lang": channel.language,
      id: channel.links.atom,
      title: clean(channel.title),
      subtitle: clean(channel.description),
      updated: toBeijingIso(channel.entries.length ? channel.updated : new Date(0)),
      generator,
      link: [
        { "@rel": "self", "@type": "application/atom+xml", "@href": channel.links.atom },
        { "@rel": "alternate", "@type": "text/html", "@href": channel.pageUrl },
      ],
      entry: channel.entries.map((e) => ({
        id: e.id,
        title: { "#text": clean(e.title), "@type": "text" },
        link: [
          { "@rel": "alternate", "@type": "text/html", "@href": e.url },
          ...(e.image
            ? [
                {
                  "@rel": "enclosure",
                  "@type": e.image.type,
                  "@href": e.image.url,
                  ...(e.image.length ? { "@length": String(e.image.length) } : {}),
                },
              ]
            : []),
        ],
        published: toBeijingIso(e.published),
        updated: toBeijingIso(e.updated),
        author: { name: clean(e.author) },
        category: e.categories.map((c) => ({ "@term": clean(c) })),
        summary: { "#text": clean(e.summary), "@type": "text" },
        content: { "#text": clean(e.contentHtml), "@type": "html" },
      })),
    },
  };
  return XML_DECLARATION + builder.build(doc);
}

export function toJsonFeed(channel: FeedChannel): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.links.json,
    description: channel.description,
    language: channel.language,
    items: channel.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      date_published: toBeijingIso(e.published),
      date_modified: toBeijingIso(e.updated),
      authors: [{ name: e.author }],
      tags: e.categories,
      ...(e.image ? { image: e.image.url } : {}),
    })),
  });
}
