// POST /api/internal/revalidate - the server's own cache watcher announces a public change it saw in the outbox (loopback, secret)
import crypto from "node:crypto";
import { z } from "zod";
import { revalidateSecret } from "@/lib/cache/revalidate-secret";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body-limits";
import { routeHandler } from "@/lib/http/route-handler";
import { announcePublicChange, withPublicChangeSignal } from "@/lib/publication/public-change";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(200)).min(1).max(100) });

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${revalidateSecret()}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export const POST = routeHandler(async (request: Request) => {
  if (!authorised(request.headers.get("authorization"))) throw new AppError("forbidden", "无权执行此操作");
  const { tags } = bodySchema.parse(await readJsonBody(request));
  // A change another server (or a CLI, or the clock) made: this server's subscribers hear it too.
  return withPublicChangeSignal(async () => {
    announcePublicChange({ tags, origin: "outbox" });
    return Response.json({ revalidated: tags });
  });
});
