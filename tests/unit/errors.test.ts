import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, errorResponse, toAppError, type ErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { routeHandler } from "@/lib/http/route-handler";

afterEach(() => vi.restoreAllMocks());

const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client });

/** A route handler that throws `error`, called like Next calls it (a write unless `method` says otherwise). */
async function answerOf(error: unknown, method = "POST") {
  const handler = routeHandler(async () => {
    throw error;
  });
  const response = await handler(new Request("http://localhost/api/admin/releases", { method }), {});
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("the error mapper (lib/errors.ts through routeHandler)", () => {
  it.each<[ErrorCode, number]>([
    ["bad_request", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["validation_failed", 422],
    ["rate_limited", 429],
    ["internal", 500],
    ["unavailable", 503],
  ])("answers AppError %s with %i and the one error body", async (code, status) => {
    const answer = await answerOf(new AppError(code, "说明文字"));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: "说明文字" } });
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("retry-after")).toBeNull();
  });

  it("passes the handler's own answer through untouched", async () => {
    const handler = routeHandler(async () => Response.json({ ok: true }, { status: 201 }));
    const response = await handler(new Request("http://localhost/api/x"), {});
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("turns a zod failure into 422 with each field's path and message", async () => {
    const schema = z.object({
      title: z.string().min(1, "标题不能为空"),
      figures: z.array(z.object({ value: z.string().regex(/^\d+$/, "数值只能是数字") })),
    });
    const parsed = schema.safeParse({ title: "", figures: [{ value: "1" }, { value: "1e9" }] });
    expect(parsed.success).toBe(false);
    const answer = await answerOf(parsed.error);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      error: {
        code: "validation_failed",
        message: "提交的内容有误，请检查标出的字段。",
        fields: [
          { path: "title", message: "标题不能为空" },
          { path: "figures.1.value", message: "数值只能是数字" },
        ],
      },
    });
  });

  it("keeps the details our code attaches (fields, the newer version) and sends Retry-After as a header", async () => {
    const conflict = await answerOf(new AppError("conflict", "已被他人修改", { currentVersion: 7 }));
    expect(conflict.body).toEqual({
      error: { code: "conflict", message: "已被他人修改", currentVersion: 7 },
    });
    const limited = await answerOf(new AppError("rate_limited", "尝试次数过多", { retryAfterSeconds: 900 }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("900");
    expect(limited.body).toEqual({ error: { code: "rate_limited", message: "尝试次数过多" } });
  });

  it("recognises Prisma's unique and not-found errors by code: 409 and 404", async () => {
    const unique = await answerOf(prismaError("P2002", "Unique constraint failed on the fields: (`slug`)"));
    expect(unique.status).toBe(409);
    expect(unique.body).toEqual({ error: { code: "conflict", message: "该值已被使用（例如别名重复）。" } });
    const missing = await answerOf(prismaError("P2025", "No record was found for an update."));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: "未找到该内容。" } });
  });

  it("answers a lost database with 503 unavailable and Retry-After", async () => {
    for (const code of ["P1001", "P1002", "P1008", "P1017"]) {
      const answer = await answerOf(prismaError(code, "Can't reach database server at 10.0.0.5:5432"));
      expect(answer.status, code).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(answer.body).toEqual({
        error: { code: "unavailable", message: "数据库暂时不可用，内容未保存，请稍后再试" },
      });
    }
  });

  it("lets a read that found the database down fail, for the production server's 503 (never an ISR copy)", async () => {
    const lost = prismaError("P1001", "Can't reach database server at 10.0.0.5:5432");
    for (const method of ["GET", "HEAD"]) await expect(answerOf(lost, method)).rejects.toBe(lost);
    // Any other failure of a read is still the one JSON error body.
    expect((await answerOf(prismaError("P2025", "No record"), "GET")).status).toBe(404);
  });

  it("answers anything else with a generic 500 that reveals nothing, and logs it for the operator", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = "postgresql://pressroom_app:hunter2@10.0.0.5/pressroom";
    const thrown: unknown[] = [
      new Error(`connect failed: ${secret}`),
      prismaError("P2034", `Transaction failed due to a write conflict: ${secret}`),
      Object.assign(new Error(secret), { code: "ECONNRESET", fields: [{ path: "x", message: secret }] }),
      `a string: ${secret}`,
      { message: secret, code: "P20021" },
      null,
      undefined,
    ];
    for (const error of thrown) {
      const answer = await answerOf(error);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: { code: "internal", message: "服务器出错了，请稍后再试。" } });
      expect(JSON.stringify(answer.body)).not.toContain("hunter2");
      expect(answer.headers.get("retry-after")).toBeNull();
    }
    expect(logged).toHaveBeenCalledTimes(thrown.length);
    expect(logged.mock.calls[0]?.[0]).toBe(thrown[0]);
  });

  it("answers a row that names a missing one (P2003) with 404, revealing nothing of the database's words", async () => {
    const answer = await answerOf(
      prismaError("P2003", "Foreign key constraint failed: postgresql://x:hunter2@h/db"),
    );
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain("hunter2");
  });

  it("maps the same error the same way whether or not it goes through a route", () => {
    const zod = z.string().safeParse(1).error;
    expect(toAppError(zod).status).toBe(422);
    expect(errorResponse(new AppError("forbidden", "没有权限")).status).toBe(403);
    const original = new AppError("not_found", "没有这篇稿件");
    expect(toAppError(original)).toBe(original);
  });
});
