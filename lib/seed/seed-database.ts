import "server-only";
import { getConfig } from "../config";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { generatePassword, hashPassword } from "../auth/password";
import { recordPublicChange } from "../publication/public-change";
import { CACHE_TAGS } from "../cache/tags";
import { createRevision } from "../releases/snapshot";
import { blocksToHtml } from "./seed-release-body";
import { seedFigureToRow } from "./seed-figure";
import { seedEnglishTranslation } from "./seed-english";
import { registerFigureKeys } from "../figures/key-registry";
import { refreshSearchDocument } from "../search/search-document";
import { wmc2023Blocks } from "../../prisma/seed-data/wmc-2023-blocks";
import { wmc2023Figures } from "../../prisma/seed-data/wmc-2023-figures";

export const SEED_RELEASE_SLUG = "wmc-2023-results";
/**
 * Every release the seed writes, the English translation of the 2023 release included (issue 13 §2):
 * `db:seed -- --synthetic` counts anything else as someone's content.
 */
export const SEED_RELEASE_SLUGS = [SEED_RELEASE_SLUG, `${SEED_RELEASE_SLUG}-en`];
const DEFAULT_ADMIN_EMAIL = "admin@pressroom.local";

export interface SeedResult {
  report: string[];
  /** Set only when this run created the first admin with a generated password. */
  generatedAdmin?: { email: string; password: string };
}

async function seedFirstAdmin(result: SeedResult) {
  const admins = await db.user.count({ where: { role: "admin" } });
  if (admins > 0) return;
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = getConfig();
  const email = (ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = ADMIN_PASSWORD ?? generatePassword();
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: "管理员", role: "admin", passwordHash: await hashPassword(password) },
    });
    await recordAudit(tx, {
      actorEmail: "seed",
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { email, role: "admin" },
    });
  });
  result.report.push(`Created the first admin ${email}.`);
  if (!ADMIN_PASSWORD) result.generatedAdmin = { email, password };
}

/** Seeds the event, its 2023 edition and the 2023 results release. Safe to run any number of times. */
export async function seedDatabase(): Promise<SeedResult> {
  const result: SeedResult = { report: [] };
  await seedFirstAdmin(result);

  const event = await db.event.upsert({
    where: { slug: "wmc" },
    update: {},
    create: { slug: "wmc", name: "世界制造业大会", nameEn: "World Manufacturing Convention" },
  });
  const edition = await db.edition.upsert({
    where: { eventId_year: { eventId: event.id, year: 2023 } },
    update: {},
    create: {
      eventId: event.id,
      year: 2023,
      startDate: new Date("2023-09-20"),
      endDate: new Date("2023-09-24"),
      city: "合肥",
      theme: "智造世界·创造美好",
    },
  });
  const category = await db.category.upsert({
    where: { slug: "anhui" },
    update: {},
    create: {
      slug: "anhui",
      name: "安徽省资讯",
      nameEn: "Anhui news",
      description: "安徽省相关新闻与大会资讯",
      sortOrder: 1,
    },
  });

  // A database seeded before English names existed gets them, without touching names set since.
  await db.event.updateMany({
    where: { id: event.id, nameEn: null },
    data: { nameEn: "World Manufacturing Convention" },
  });
  await db.category.updateMany({ where: { id: category.id, nameEn: null }, data: { nameEn: "Anhui news" } });

  const existing = await db.release.findUnique({ where: { slug: SEED_RELEASE_SLUG }, select: { id: true } });
  if (existing) {
    result.report.push("Seed release already present: left as it is.");
    await seedTranslation(result);
    return result;
  }

  const publishedAt = new Date("2023-09-28T16:32:08+08:00");
  await db.$transaction(async (tx) => {
    const photos = wmc2023Blocks.filter((b) => b.type === "photo");
    for (const photo of photos) {
      // The source names its photos but did not supply the files: keep caption and credit only.
      await tx.media.create({
        data: { alt: photo.caption, caption: photo.caption, credit: photo.credit ?? null },
      });
    }
    const tagNames = ["世界制造业大会", "2023世界制造业大会", "成果发布"];
    const tags = await Promise.all(
      tagNames.map((name, i) =>
        tx.tag.upsert({
          where: { name },
          update: {},
          create: { name, slug: ["wmc", "wmc-2023", "results"][i] },
        }),
      ),
    );
    const figureRows = wmc2023Figures.map((f, i) => ({ ...seedFigureToRow(f, i), editionId: edition.id }));
    await registerFigureKeys(tx, figureRows);
    const release = await tx.release.create({
      data: {
        slug: SEED_RELEASE_SLUG,
        locale: "zh-CN",
        title: "2023世界制造业大会创多项历届之“最”",
        summary:
          "2023世界制造业大会9月20日至24日在合肥举办，参会人数、展览面积、活动内容、外向度和宣传覆盖均创历届之最；共促成合作签约项目587个，投资总额3425亿元。",
        body: blocksToHtml(wmc2023Blocks),
        status: "published",
        publishAt: publishedAt,
        publishedAt,
        contentUpdatedAt: publishedAt,
        sourceName: "安徽日报",
        categoryId: category.id,
        editionId: edition.id,
        isEditionResults: true,
        viewCount: 2719,
        createdAt: publishedAt,
        tags: { create: tags.map((t) => ({ tagId: t.id })) },
        figures: {
          create: figureRows,
        },
      },
    });
    await refreshSearchDocument(tx, release.id);
    await createRevision(tx, { releaseId: release.id, version: 1, action: "seed", note: "导入原稿" });
    await recordAudit(tx, {
      actorEmail: "seed",
      action: "release.create",
      targetType: "release",
      targetId: release.id,
      details: { slug: SEED_RELEASE_SLUG },
    });
    await recordPublicChange(tx, [CACHE_TAGS.public]);
  });
  result.report.push(`Seeded the release ${SEED_RELEASE_SLUG} with ${wmc2023Figures.length} figures.`);
  await seedTranslation(result);
  return result;
}

async function seedTranslation(result: SeedResult) {
  const done = await seedEnglishTranslation(SEED_RELEASE_SLUG);
  if (done) result.report.push(done);
}
