// GET /categories/[slug]/atom.xml - Atom 1.0 feed of one category's newest published releases
import { feedRoute } from "@/lib/feeds/feed-route";

export const GET = feedRoute("atom");
