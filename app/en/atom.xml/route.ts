// GET /en/atom.xml - Atom 1.0 feed of the newest English releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("atom", "en");
