// GET /api/admin/figure-keys - the figure key registry (key, label, base unit, aliases) for the editor's suggestions
import { adminRoute } from "@/lib/http/admin-route";
import { listFigureKeysForEditing } from "@/lib/figures/registry-queries";

export const GET = adminRoute(async ({ actor }) => ({ keys: await listFigureKeysForEditing(actor) }));
