// GET /en/feed.xml - RSS 2.0 feed of the newest English releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("rss", "en");
