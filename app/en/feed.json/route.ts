// GET /en/feed.json - JSON Feed 1.1 feed of the newest English releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("json", "en");
