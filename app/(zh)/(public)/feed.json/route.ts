// GET /feed.json - JSON Feed 1.1 feed of the newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("json");
