// GET /sitemaps/pages.xml - the site's own pages: home, lists, categories, editions, figure data
import { getConfig } from "@/lib/config";
import { routeHandler } from "@/lib/http/route-handler";
import { sitemapPageEntries } from "@/lib/seo/sitemap-pages";
import { urlsetXml } from "@/lib/seo/sitemap-files";

export const revalidate = 3600;

export const GET = routeHandler(async () => {
  const xml = urlsetXml(await sitemapPageEntries(getConfig().siteUrl));
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
});
