// GET /atom.xml - Atom 1.0 feed of the newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("atom");
