// GET /sitemaps/releases/[n].xml - one file of public release addresses, oldest first
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { sitemapReleaseEntries } from "@/lib/seo/sitemap-pages";
import { getSitemapReleases, getSitemapTranslations, urlsetXml } from "@/lib/seo/sitemap-files";
import { parseSitemapFile } from "@/lib/seo/sitemap-paths";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ file: string }> };

export const GET = routeHandler(async (_request: Request, context: Context) => {
  // The proxy already refused numbers past the last file (lib/releases/public-index.ts).
  const file = parseSitemapFile((await context.params).file);
  const [releases, translations] = file
    ? await Promise.all([getSitemapReleases(file), getSitemapTranslations(file)])
    : [[], []];
  if (!releases.length) throw new AppError("not_found", "未找到该内容");
  const xml = urlsetXml(sitemapReleaseEntries(getConfig().siteUrl, releases, translations));
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
});
