// GET /news-sitemap.xml - Google News sitemap: releases published in the last two days
import { XMLBuilder } from "fast-xml-parser";
import { getConfig } from "@/lib/config";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { toBeijingIso } from "@/lib/i18n/format-date";
import { getMessages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";
import { getSitemapData, NEWS_WINDOW_MS } from "@/lib/seo/sitemap-queries";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  processEntities: true,
});

export const GET = routeHandler(async (request: Request) => {
  const siteUrl = getConfig().siteUrl;
  const { releases } = await getSitemapData();
  const since = Date.now() - NEWS_WINDOW_MS;
  const recent = releases.filter((r) => Date.parse(r.publishAt) >= since);
  const xml = builder.build({
    urlset: {
      "@xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "@xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9",
      url: recent.map((r) => ({
        loc: siteUrl + releasePath(r.locale, r.slug),
        "news:news": {
          "news:publication": {
            "news:name": getMessages(r.locale).site.name,
            "news:language": r.locale === "zh-CN" ? "zh-cn" : r.locale,
          },
          "news:publication_date": toBeijingIso(r.publishAt),
          "news:title": r.title,
        },
      })),
    },
  });
  return conditionalResponse(request, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, {
    contentType: "application/xml; charset=utf-8",
  });
});
