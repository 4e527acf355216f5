// GET /sitemap.xml - the sitemap index: the pages file and one file per 5,000 public releases
import { getConfig } from "@/lib/config";
import { getSitemapIndex, sitemapIndexXml } from "@/lib/seo/sitemap-files";
import { routeHandler } from "@/lib/http/route-handler";

export const revalidate = 3600;

export const GET = routeHandler(async () => {
  const xml = sitemapIndexXml(getConfig().siteUrl, await getSitemapIndex());
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
});
