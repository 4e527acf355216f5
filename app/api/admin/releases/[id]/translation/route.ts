// POST /api/admin/releases/[id]/translation - create or link the English translation, or confirm one ({ action, title? | slug? })
import { adminRoute } from "@/lib/http/admin-route";
import { translateRelease } from "@/lib/translations/translate-release";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) =>
  translateRelease(actor, (await context.params).id, body),
);
