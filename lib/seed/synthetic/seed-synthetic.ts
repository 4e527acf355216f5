import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit/record-audit";
import { CACHE_TAGS } from "../../cache/tags";
import { registerFigureKeys } from "../../figures/key-registry";
import type { Prisma } from "../../generated/prisma/client";
import type { ReleaseStatus } from "../../generated/prisma/enums";
import { recordPublicChange } from "../../publication/public-change";
import { reindexAllSearchDocuments } from "../../search/search-document";
import { SEED_RELEASE_SLUGS } from "../seed-database";
import { bulkInsert, type Column } from "./bulk-insert";
import {
  buildFigureVariants,
  generateRelease,
  syntheticKeyPool,
  type EventChoice,
  type GeneratedRelease,
  type KeyEntry,
} from "./generate-release";
import { createRandom, type Random } from "./prng";
import { SYNTHETIC_CATEGORIES, SYNTHETIC_EVENTS, SYNTHETIC_TAGS, THEMES, CITIES } from "./vocabulary";

/**
 * `npm run db:seed -- --synthetic N`: an archive of N generated releases for load tests (issue 13
 * §3). Every generated release has `synthetic = true`; the events, categories, tags and figure
 * keys made for them have slugs (keys) starting with "synthetic", so `--remove-synthetic` takes
 * all of it out again and leaves everything else as it was.
 */
export const SYNTHETIC_PREFIX = "synthetic";
/** Every tenth release is the English translation of the Chinese one before it. */
const ENGLISH_EVERY = 10;
const BATCH_RELEASES = 250;
const FIRST_YEAR = 2010;
// Fixed, so the archive is the same whenever it is generated; before any test's "now".
const LAST_MOMENT = Date.parse("2026-11-01T00:00:00+08:00");
const FIRST_MOMENT = Date.parse(`${FIRST_YEAR}-01-01T00:00:00+08:00`);

const RELEASE_COLUMNS: Column[] = [
  ["id", "uuid"],
  ["slug", "text"],
  ["locale", "text"],
  ["translationGroupId", "uuid"],
  ["translatedFromId", "uuid"],
  ["translatedAt", "timestamptz"],
  ["title", "text"],
  ["summary", "text"],
  ["body", "text"],
  ["status", '"ReleaseStatus"'],
  ["publishAt", "timestamptz"],
  ["publishedAt", "timestamptz"],
  ["contentUpdatedAt", "timestamptz"],
  ["sourceName", "text"],
  ["categoryId", "uuid"],
  ["editionId", "uuid"],
  ["isEditionResults", "boolean"],
  ["viewCount", "integer"],
  ["synthetic", "boolean"],
  ["createdAt", "timestamptz"],
  ["updatedAt", "timestamptz"],
];
const FIGURE_COLUMNS: Column[] = [
  ["id", "uuid"],
  ["releaseId", "uuid"],
  ["editionId", "uuid"],
  ["key", "text"],
  ["label", "text"],
  ["labelEn", "text"],
  ["value", "numeric"],
  ["unit", "text"],
  ["unitScale", "numeric"],
  ["baseUnit", "text"],
  ["qualifier", '"FigureQualifier"'],
  ["qualifierWord", "text"],
  ["partOfKey", "text"],
  ["partsComplete", "boolean"],
  ["shareOfKey", "text"],
  ["section", "text"],
  ["sortOrder", "integer"],
  ["highlighted", "boolean"],
  ["isRecord", "boolean"],
  ["recordNote", "text"],
  ["sourceText", "text"],
  ["mention", "text"],
];
const RELEASE_TAG_COLUMNS: Column[] = [
  ["releaseId", "uuid"],
  ["tagId", "uuid"],
];

export class SyntheticRefused extends Error {}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Run even when the database holds releases other than the seed's and earlier synthetic ones. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface SyntheticReport {
  releases: number;
  english: number;
  figures: number;
  removedFirst: number;
  ms: number;
}

/** Releases nobody generated: anything but the seed's own and synthetic ones. */
export async function countOwnReleases(): Promise<number> {
  return db.release.count({ where: { synthetic: false, slug: { notIn: SEED_RELEASE_SLUGS } } });
}

/** Events with an edition every year, categories, tags and keys the releases hang on. */
async function prepareFrame(random: Random, keys: KeyEntry[]) {
  const lastYear = new Date(LAST_MOMENT).getUTCFullYear();
  const editions = new Map<string, { id: string; event: EventChoice }>();
  for (const spec of SYNTHETIC_EVENTS) {
    const event = await db.event.upsert({
      where: { slug: spec.slug },
      update: {},
      create: { slug: spec.slug, name: spec.name, nameEn: spec.nameEn },
    });
    for (let year = FIRST_YEAR; year <= lastYear; year++) {
      const start = new Date(Date.UTC(year, random.int(3, 9), random.int(1, 25)));
      const edition = await db.edition.upsert({
        where: { eventId_year: { eventId: event.id, year } },
        update: {},
        create: {
          eventId: event.id,
          year,
          ordinal: year - FIRST_YEAR + 1,
          startDate: start,
          endDate: new Date(start.getTime() + 4 * 86400_000),
          city: random.pick(CITIES),
          theme: random.pick(THEMES),
        },
      });
      editions.set(`${spec.slug}:${year}`, { id: edition.id, event: spec });
    }
  }
  const categories = [];
  for (const [i, spec] of SYNTHETIC_CATEGORIES.entries())
    categories.push(
      await db.category.upsert({
        where: { slug: spec.slug },
        update: {},
        create: { ...spec, sortOrder: 10 + i },
      }),
    );
  // The seed's own category takes part too, so its pages hold real and synthetic releases alike.
  const seedCategory = await db.category.findFirst({ orderBy: { sortOrder: "asc" }, select: { id: true } });
  if (seedCategory) categories.push(seedCategory);
  const tags = [];
  for (const spec of SYNTHETIC_TAGS)
    tags.push(await db.tag.upsert({ where: { slug: spec.slug }, update: {}, create: spec }));
  await db.$transaction((tx) => registerFigureKeys(tx, keys));
  return { editions, categories: categories.map((c) => c.id), tags: tags.map((t) => t.id) };
}

/** The Chinese release a following English one translates. */
interface Original {
  id: string;
  groupId: string;
  slug: string;
  publishAt: Date | null;
  status: ReleaseStatus;
  text: GeneratedRelease;
  categoryId: string;
  editionId: string | null;
  tagIds: string[];
}

function statusOf(random: Random): ReleaseStatus {
  const roll = random.next();
  return roll < 0.02 ? "draft" : roll < 0.03 ? "archived" : roll < 0.04 ? "scheduled" : "published";
}

/** Adds `count` synthetic releases (replacing earlier synthetic ones), then announces the change. */
export async function seedSynthetic(options: SyntheticOptions): Promise<SyntheticReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 200_000)
    throw new SyntheticRefused("--synthetic takes a number of releases from 1 to 200000.");
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed))
    throw new SyntheticRefused("--seed takes an integer.");
  const own = await countOwnReleases();
  if (own > 0 && !options.force)
    throw new SyntheticRefused(
      `The database holds ${own} release(s) besides the seed and synthetic ones: refusing to mix generated content into it. Use a separate data directory (PRESSROOM_DATA_DIR), or add --force.`,
    );
  const removedFirst = await removeSynthetic({ announce: false });
  if (removedFirst) log(`Removed ${removedFirst} earlier synthetic release(s) first.`);

  const random = createRandom(options.seed ?? 13);
  // Figure ids from their own stream, so the content does not depend on how ids are drawn.
  const ids = createRandom((options.seed ?? 13) ^ 0x5eed);
  const keys = syntheticKeyPool();
  const frame = await prepareFrame(random, keys);
  const variants = buildFigureVariants(random, keys);
  const resultsGiven = new Set<string>();
  let english = 0;
  let figureCount = 0;
  let previous: Original | null = null;

  for (let offset = 0; offset < options.count; offset += BATCH_RELEASES) {
    const batchStarted = performance.now();
    const releases: Prisma.ReleaseCreateManyInput[] = [];
    const figures: Prisma.FigureCreateManyInput[] = [];
    const releaseTags: Prisma.ReleaseTagCreateManyInput[] = [];
    const updatedAt = new Date();
    for (let i = offset; i < Math.min(options.count, offset + BATCH_RELEASES); i++) {
      const id = random.uuid();
      const slug = `${SYNTHETIC_PREFIX}-${String(i + 1).padStart(6, "0")}`;
      if (i % ENGLISH_EVERY === ENGLISH_EVERY - 1 && previous) {
        // The English translation shares the original's translation group and reads its figures.
        const at = previous.publishAt && new Date(previous.publishAt.getTime() + 6 * 3600_000);
        releases.push({
          id,
          slug: `${previous.slug}-en`,
          locale: "en",
          translationGroupId: previous.groupId,
          translatedFromId: previous.id,
          translatedAt: at ?? new Date(LAST_MOMENT),
          title: previous.text.titleEn,
          summary: previous.text.summaryEn,
          body: previous.text.bodyEn,
          status: previous.status,
          publishAt: at,
          publishedAt: previous.status === "draft" ? null : at,
          contentUpdatedAt: at ?? new Date(LAST_MOMENT),
          createdAt: at ?? new Date(LAST_MOMENT),
          sourceName: "Organising Committee",
          isEditionResults: false,
          categoryId: previous.categoryId,
          editionId: previous.editionId,
          viewCount: random.int(0, 800),
          synthetic: true,
          updatedAt,
        });
        releaseTags.push(...previous.tagIds.map((tagId) => ({ releaseId: id, tagId })));
        english++;
        continue;
      }
      const moment = new Date(FIRST_MOMENT + Math.floor(random.next() * (LAST_MOMENT - FIRST_MOMENT)));
      const status = statusOf(random);
      const publishAt = status === "draft" ? null : moment;
      const eventSpec = random.chance(0.8) ? random.pick(SYNTHETIC_EVENTS) : null;
      const edition = eventSpec
        ? frame.editions.get(`${eventSpec.slug}:${moment.getUTCFullYear()}`)
        : undefined;
      const text = generateRelease(random, { variants, event: edition?.event ?? null, publishAt: moment });
      const categoryId = random.pick(frame.categories);
      const tagIds = random.sample(frame.tags, random.int(1, 2));
      const isResults = Boolean(edition && status === "published" && !resultsGiven.has(edition.id));
      if (isResults && edition) resultsGiven.add(edition.id);
      const groupId = random.uuid();
      releases.push({
        id,
        slug,
        locale: "zh-CN",
        translationGroupId: groupId,
        title: text.title,
        summary: text.summary,
        body: text.body,
        status,
        publishAt,
        publishedAt: status === "draft" ? null : moment,
        contentUpdatedAt: moment,
        createdAt: moment,
        sourceName: random.pick(["大会组委会", "安徽日报", "新华社", "中安在线"]),
        categoryId,
        editionId: edition?.id ?? null,
        isEditionResults: isResults,
        viewCount: random.int(0, 5000),
        synthetic: true,
        updatedAt,
      });
      figures.push(
        ...text.figures.map((f) => ({ ...f, id: ids.uuid(), releaseId: id, editionId: edition?.id ?? null })),
      );
      releaseTags.push(...tagIds.map((tagId) => ({ releaseId: id, tagId })));
      previous = {
        id,
        groupId,
        slug,
        publishAt,
        text,
        status,
        categoryId,
        editionId: edition?.id ?? null,
        tagIds,
      };
    }
    const generatedAt = performance.now();
    await db.$transaction(async (tx) => {
      await bulkInsert(tx, "release", RELEASE_COLUMNS, releases);
      await bulkInsert(tx, "figure", FIGURE_COLUMNS, figures);
      await bulkInsert(tx, "release_tag", RELEASE_TAG_COLUMNS, releaseTags);
    });
    figureCount += figures.length;
    log(
      `  ${Math.min(options.count, offset + BATCH_RELEASES)} / ${options.count} releases (generated in ${Math.round(generatedAt - batchStarted)} ms, written in ${Math.round(performance.now() - generatedAt)} ms)`,
    );
  }

  // Rows written past the save path have no search document yet: build theirs (only theirs).
  const indexing = performance.now();
  const { indexed } = await reindexAllSearchDocuments({ onlyMissing: true });
  log(`  ${indexed} search document(s) built in ${Math.round(performance.now() - indexing)} ms`);

  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorEmail: "seed",
      action: "release.synthetic_seed",
      details: { count: options.count, seed: options.seed ?? 13, figures: figureCount },
    });
    // The public-change event: every running server's watcher refreshes Next's cache, its
    // response cache and the proxy's public index from the outbox within about a second.
    await recordPublicChange(tx, [CACHE_TAGS.public, CACHE_TAGS.releases]);
  });
  // Fresh statistics and visibility map, so the planner sees 10,000 releases at once (and can
  // answer counts from the indexes alone) instead of waiting for autovacuum.
  await db.$executeRawUnsafe('VACUUM (ANALYZE) "release", "figure", "release_tag"');
  return {
    releases: options.count,
    english,
    figures: figureCount,
    removedFirst,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Deletes every synthetic release (figures, revisions, tags, notes … go with them by cascade), then
 * the synthetic events, editions, categories, tags and keys nothing else uses any more.
 */
export async function removeSynthetic(options: { announce?: boolean } = {}): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await db.release.findMany({ where: { synthetic: true }, select: { id: true }, take: 500 });
    if (!batch.length) break;
    await db.release.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } });
    removed += batch.length;
  }
  const prefix = { startsWith: `${SYNTHETIC_PREFIX}-` };
  await db.$transaction(async (tx) => {
    const events = await tx.event.findMany({ where: { slug: prefix }, select: { id: true } });
    const eventIds = events.map((e) => e.id);
    // Editions a real release still points to stay, and so does their event.
    const kept = await tx.edition.findMany({
      where: { eventId: { in: eventIds }, releases: { some: {} } },
      select: { eventId: true },
    });
    await tx.edition.deleteMany({ where: { eventId: { in: eventIds }, releases: { none: {} } } });
    await tx.event.deleteMany({
      where: { id: { in: eventIds.filter((id) => !kept.some((k) => k.eventId === id)) } },
    });
    await tx.category.deleteMany({ where: { slug: prefix, releases: { none: {} } } });
    await tx.tag.deleteMany({ where: { slug: prefix, releases: { none: {} } } });
    await tx.figureKey.deleteMany({
      where: { key: { startsWith: `${SYNTHETIC_PREFIX}_` }, figures: { none: {} } },
    });
    if (removed && options.announce !== false) {
      await recordAudit(tx, {
        actorEmail: "seed",
        action: "release.synthetic_remove",
        details: { count: removed },
      });
      await recordPublicChange(tx, [CACHE_TAGS.public, CACHE_TAGS.releases]);
    }
  });
  return removed;
}
