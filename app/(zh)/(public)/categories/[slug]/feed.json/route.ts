// GET /categories/[slug]/feed.json - JSON Feed 1.1 feed of one category's newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("json");
