// GET /categories/[slug]/feed.xml - RSS 2.0 feed of one category's newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("rss");
