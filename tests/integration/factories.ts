import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

export function uniqueSlug(prefix = "t") {
  return `${prefix}-${crypto.randomBytes(5).toString("hex")}`;
}

export async function createCategory(name = "测试分类") {
  const slug = uniqueSlug("cat");
  return db.category.create({ data: { slug, name: `${name} ${slug}` } });
}

export async function createRelease(
  input: {
    status?: ReleaseStatus;
    publishAt?: Date | null;
    categoryId?: string;
    title?: string;
    slug?: string;
  } = {},
) {
  const slug = input.slug ?? uniqueSlug("rel");
  // ON CONFLICT DO NOTHING: tests create releases concurrently.
  await db.figureKey.createMany({
    data: [{ key: "projects", label: "签约项目", baseUnit: "个" }],
    skipDuplicates: true,
  });
  return db.release.create({
    data: {
      slug,
      title: input.title ?? `测试稿件 ${slug}`,
      summary: "摘要",
      body: "<p>共促成合作签约项目12个</p>",
      status: input.status ?? "published",
      publishAt: input.publishAt === undefined ? new Date(Date.now() - 60_000) : input.publishAt,
      categoryId: input.categoryId,
      figures: {
        create: [
          {
            key: "projects",
            label: "签约项目",
            value: "12",
            unit: "个",
            baseUnit: "个",
            highlighted: true,
            sourceText: "共促成合作签约项目12个",
            mention: "12个",
          },
        ],
      },
    },
  });
}
