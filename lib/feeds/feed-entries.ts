import "server-only";
import { getConfig } from "../config";
import { db } from "../db";
import { escapeHtml } from "../content/escape-html";
import { renderBody } from "../content/render-body";
import { getMessages } from "../i18n/messages";
import { publicReleaseInclude, toPublicRelease, type PublicRelease } from "../releases/public-dto";
import { publicReleaseWhere } from "../publication/visibility";
import { localePath, releasePath } from "../i18n/paths";
import { listEnglishFeedReleases } from "../releases/english-queries";

export const FEED_SIZE = 50;

export interface FeedEntry {
  /** Never changes: not the slug (which may change) and not the URL. */
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  author: string;
  categories: string[];
  summary: string;
  contentHtml: string;
  image: { url: string; type: string; length: number } | null;
}

export interface FeedChannel {
  /** BCP 47 language of the feed ("zh-CN", "en"). */
  language: string;
  title: string;
  description: string;
  /** The site page the feed mirrors. */
  pageUrl: string;
  links: { rss: string; atom: string; json: string };
  updated: Date;
  entries: FeedEntry[];
}

/** Root-relative links and images of the body made absolute: feed readers have no base URL. */
export function absoluteUrls(html: string, siteUrl: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${siteUrl}/`);
}

function keyFiguresHtml(release: PublicRelease): string {
  const t = getMessages(release.locale).release;
  const figures = release.keyFigures.length ? release.keyFigures : release.figures.filter((f) => f.isRecord);
  if (!figures.length) return "";
  // Each language's own brackets: full-width in Chinese, a space and ASCII ones in English.
  const [open, close] = release.locale === "en" ? [" (", ")"] : ["（", "）"];
  const items = figures
    .map(
      (f) =>
        `<li><strong>${escapeHtml(f.display)}</strong> ${escapeHtml(f.label)}${f.isRecord ? `${open}${escapeHtml(f.recordNote ?? t.recordBadge)}${close}` : ""}</li>`,
    )
    .join("");
  return `<h3>${escapeHtml(t.keyFigures)}</h3><ul>${items}</ul><hr>`;
}

export function toFeedEntry(release: PublicRelease, siteUrl: string): FeedEntry {
  const t = getMessages(release.locale).release;
  const url = `${siteUrl}${releasePath(release.locale, release.slug)}`;
  const body = renderBody(release.body, release.figures, { photoMissing: t.photoMissing });
  const lead = release.leadImage?.url ? release.leadImage : null;
  return {
    id: `urn:uuid:${release.id}`,
    title: release.title,
    url,
    published: new Date(release.publishAt),
    updated: new Date(release.contentUpdatedAt),
    author: release.byline ?? release.sourceName ?? getMessages(release.locale).site.name,
    categories: [
      ...(release.category ? [release.category.name] : []),
      ...release.tags.map((tag) => tag.name),
    ],
    summary: release.summary,
    contentHtml: absoluteUrls(keyFiguresHtml(release) + body, siteUrl),
    image: lead
      ? { url: `${siteUrl}${lead.url}`, type: lead.mimeType ?? "image/jpeg", length: lead.sizeBytes ?? 0 }
      : null,
  };
}

export function feedLinks(siteUrl: string, categorySlug?: string, locale = "zh-CN") {
  const base = categorySlug ? `${siteUrl}/categories/${categorySlug}` : `${siteUrl}${localePath(locale, "")}`;
  return { rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
}

/** The newest public English releases (figures from their originals), as the English feeds' channel. */
async function loadEnglishFeedChannel(): Promise<FeedChannel> {
  const siteUrl = getConfig().siteUrl;
  const site = getMessages("en").site;
  const entries = (await listEnglishFeedReleases(FEED_SIZE)).map((r) => toFeedEntry(r, siteUrl));
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  return {
    language: "en",
    title: site.name,
    description: site.tagline,
    pageUrl: `${siteUrl}/en`,
    links: feedLinks(siteUrl, undefined, "en"),
    updated,
    entries,
  };
}

/** The newest published releases of an edition (of one category, or all), as feed entries. */
export async function loadFeedChannel(categorySlug?: string, locale = "zh-CN"): Promise<FeedChannel | null> {
  if (locale === "en") return categorySlug ? null : loadEnglishFeedChannel();
  const siteUrl = getConfig().siteUrl;
  const site = getMessages().site;
  const category = categorySlug ? await db.category.findUnique({ where: { slug: categorySlug } }) : null;
  if (categorySlug && !category) return null;
  const rows = await db.release.findMany({
    where: { ...publicReleaseWhere(), locale: "zh-CN", ...(category ? { categoryId: category.id } : {}) },
    include: publicReleaseInclude,
    orderBy: [{ publishAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
  });
  const entries = rows.map((r) => toFeedEntry(toPublicRelease(r), siteUrl));
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  return {
    language: "zh-CN",
    title: category ? `${category.name} · ${site.name}` : site.name,
    description: category?.description ?? site.tagline,
    pageUrl: category ? `${siteUrl}/categories/${category.slug}` : siteUrl,
    links: feedLinks(siteUrl, category?.slug),
    updated: entries.length ? updated : new Date(0),
    entries,
  };
}
