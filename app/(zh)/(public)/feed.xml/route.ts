// GET /feed.xml - RSS 2.0 feed of the newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("rss");
