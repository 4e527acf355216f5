import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Its own database (scripts/test.ts): thousands of public releases would change what the other
// test files' lists show. Set before lib/db makes its client (on first use).
const url = process.env.PLAN_TEST_DATABASE_URL;
if (!url) throw new Error("PLAN_TEST_DATABASE_URL is set by npm test -- integration");
process.env.DATABASE_URL = url;

// Every SELECT the app's client sends while a capture runs, as sent (text and parameters). Hooked
// before the first connection: lib/db's pool binds each connection's query method when it connects.
let recording: Array<{ text: string; values: unknown[] }> | null = null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  const text = typeof config === "string" ? config : (config as { text?: string } | undefined)?.text;
  const params = Array.isArray(values)
    ? values
    : ((config as { values?: unknown[] } | undefined)?.values ?? []);
  if (recording && text && /^\s*SELECT/i.test(text)) recording.push({ text, values: params });
  return Reflect.apply(original, this, args);
} as typeof original;

const { db } = await import("@/lib/db");
const { listPublishedReleases, listReleasesAfter, getHomeReleases } = await import("@/lib/releases/queries");
const { listSitemapReleases } = await import("@/lib/seo/sitemap-files");
const { findFigureSeries, listEditionComparisons, listPublicEditions } =
  await import("@/lib/editions/queries");
const { publicEditionFigure } = await import("@/lib/editions/addresses");
const { seriesFigureInclude, seriesPoints } = await import("@/lib/editions/public-dto");
const { seedSynthetic, removeSynthetic, SyntheticRefused } =
  await import("@/lib/seed/synthetic/seed-synthetic");
const { createRelease } = await import("./factories");

// Enough for the planner to tell an index from a scan: 2,000 releases and 90,000 figures, with
// fresh statistics and visibility map (seedSynthetic ends with VACUUM ANALYZE). The benchmark's
// 10,000 releases get the same plans (README, "Proof at 10,000 releases").
const RELEASES = 2000;
const BIG_TABLES = new Set(["release", "figure"]);

async function capture(run: () => Promise<unknown>) {
  const sent: Array<{ text: string; values: unknown[] }> = [];
  recording = sent;
  try {
    await run();
  } finally {
    recording = null;
  }
  return sent;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

let explainer: pg.Client;
/** The sequential scans of the big tables in the plans of these queries, with the query that has one. */
async function seqScans(queries: Array<{ text: string; values: unknown[] }>, tables = BIG_TABLES) {
  const found: string[] = [];
  for (const q of queries) {
    const result = await explainer.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${q.text}`,
      q.values,
    );
    for (const node of nodes(result.rows[0]["QUERY PLAN"][0].Plan))
      if (node["Node Type"] === "Seq Scan" && tables.has(node["Relation Name"] ?? ""))
        found.push(`${node["Relation Name"]}: ${q.text.slice(0, 300)}`);
  }
  return found;
}

let ownRelease: { id: string };

beforeAll(async () => {
  explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  ownRelease = await createRelease({ title: "编辑部自己的稿件" });
}, 60_000);
afterAll(async () => {
  await explainer?.end();
  await db.$disconnect();
});

describe("db:seed -- --synthetic", () => {
  it("refuses a database that holds someone's releases, unless forced, then adds the archive and the public-change event", async () => {
    await expect(seedSynthetic({ count: RELEASES })).rejects.toThrow(SyntheticRefused);
    expect(await db.release.count({ where: { synthetic: true } })).toBe(0);
    await expect(seedSynthetic({ count: 0, force: true })).rejects.toThrow(SyntheticRefused);
    await expect(seedSynthetic({ count: 1e9, force: true })).rejects.toThrow(SyntheticRefused);
    await expect(seedSynthetic({ count: Number.NaN, force: true })).rejects.toThrow(SyntheticRefused);
    await expect(seedSynthetic({ count: 10, seed: 1.5, force: true })).rejects.toThrow(SyntheticRefused);

    const outbox = await db.cacheInvalidation.count();
    const report = await seedSynthetic({ count: RELEASES, force: true });
    expect(report).toMatchObject({
      releases: RELEASES,
      english: RELEASES / 10,
      figures: RELEASES * 0.9 * 50,
    });
    expect(await db.release.count({ where: { synthetic: true } })).toBe(RELEASES);
    expect(await db.release.count({ where: { synthetic: true, locale: "en" } })).toBe(RELEASES / 10);
    expect(await db.figure.count({ where: { release: { synthetic: true } } })).toBe(RELEASES * 0.9 * 50);
    // Every English release shares its translation group with a Chinese one.
    const english = await db.release.findFirstOrThrow({ where: { synthetic: true, locale: "en" } });
    const original = await db.release.findFirstOrThrow({
      where: { translationGroupId: english.translationGroupId, locale: "zh-CN" },
    });
    expect(english.slug).toBe(`${original.slug}-en`);
    // Searchable at once: every generated release has its search document.
    expect(await db.searchDocument.count({ where: { release: { synthetic: true } } })).toBe(RELEASES);
    // Across editions, categories and years.
    const years = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(DISTINCT extract(year FROM "publishAt")) AS n FROM "release" WHERE synthetic`;
    expect(Number(years[0].n)).toBeGreaterThanOrEqual(15);
    expect(
      (await db.release.groupBy({ by: ["editionId"], where: { synthetic: true, editionId: { not: null } } }))
        .length,
    ).toBeGreaterThanOrEqual(40);
    expect(
      (await db.release.groupBy({ by: ["categoryId"], where: { synthetic: true } })).length,
    ).toBeGreaterThanOrEqual(5);
    expect(await db.cacheInvalidation.count()).toBe(outbox + 1);
  }, 600_000);
});

describe("query plans at 2,000 releases and 90,000 figures", () => {
  it("read the lists, category pages, API cursors and sitemap files through indexes, never a sequential scan", async () => {
    const deepPage = Math.floor((RELEASES * 0.8) / 12);
    const category = await db.category.findFirstOrThrow({ where: { slug: "synthetic-news" } });
    // A cursor 1,500 releases deep, reached the way a client does.
    let deepCursor: string | null = null;
    for (let i = 0; i < 30; i++)
      deepCursor = (await listReleasesAfter({ cursor: deepCursor ?? undefined, limit: 50 })).nextCursor;
    if (!deepCursor) throw new Error("the list ended early");
    const cursor = deepCursor;
    const queries = await capture(async () => {
      await listPublishedReleases({ page: 1 });
      expect((await listPublishedReleases({ page: deepPage })).items).toHaveLength(12);
      await listPublishedReleases({ page: 1, categorySlug: category.slug });
      await listPublishedReleases({ page: 20, categorySlug: category.slug });
      await listReleasesAfter({ limit: 20 });
      expect((await listReleasesAfter({ cursor, limit: 20 })).items).toHaveLength(20);
      await listReleasesAfter({ cursor, limit: 20, categorySlug: category.slug });
      await getHomeReleases();
      expect(await listSitemapReleases(3, 100)).toHaveLength(100);
    });
    expect(queries.length).toBeGreaterThan(20);
    expect(await seqScans(queries)).toEqual([]);
  }, 120_000);

  it("finds the scan when the indexes are missing (the check itself works)", async () => {
    const queries = await capture(() => listPublishedReleases({ page: 1 }));
    await explainer.query("BEGIN");
    try {
      // Without the release table's ordering indexes (unique ones stay) the lists must scan it.
      const { rows } = await explainer.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'release' AND indexdef NOT LIKE 'CREATE UNIQUE%'",
      );
      for (const { indexname } of rows) await explainer.query(`DROP INDEX "${indexname}"`);
      expect((await seqScans(queries)).length).toBeGreaterThan(0);
    } finally {
      await explainer.query("ROLLBACK");
    }
  });
});

describe("editions at 2,000 releases and 90,000 figures", () => {
  it("pick one figure per edition and key in SQL, the one the whole rows would give, without scanning figure", async () => {
    const release = await db.release.findFirstOrThrow({
      where: {
        synthetic: true,
        status: "published",
        locale: "zh-CN",
        figures: { some: { highlighted: true } },
      },
      orderBy: { publishAt: "desc" },
      select: { slug: true, figures: { where: { highlighted: true }, select: { key: true } } },
    });
    const key = release.figures[0].key;
    let comparisons: Awaited<ReturnType<typeof listEditionComparisons>> = [];
    let series: Awaited<ReturnType<typeof findFigureSeries>> = null;
    let editions: Awaited<ReturnType<typeof listPublicEditions>>["editions"] = [];
    const queries = await capture(async () => {
      comparisons = await listEditionComparisons(release.slug);
      series = await findFigureSeries(key);
      editions = (await listPublicEditions()).editions;
    });
    // The old way, every public figure of the key read and ranked in JavaScript, gives the same series.
    const everyRow = await db.figure.findMany({
      where: publicEditionFigure(key),
      include: seriesFigureInclude,
    });
    expect(everyRow.length).toBeGreaterThan(200);
    expect(series).not.toBeNull();
    expect(series!.series).toEqual(seriesPoints(everyRow));
    expect(comparisons.length).toBeGreaterThan(0);
    expect(comparisons.find((c) => c.key === key)?.points.length).toBeGreaterThanOrEqual(5);
    expect(editions.filter((e) => e.headline.length).length).toBeGreaterThanOrEqual(40);
    expect(await seqScans(queries, new Set(["figure"]))).toEqual([]);
    // Without the key index the same queries scan figure (the check itself works).
    await explainer.query("BEGIN");
    try {
      await explainer.query(`DROP INDEX "figure_key_releaseId_id_idx"`);
      expect((await seqScans(queries, new Set(["figure"]))).length).toBeGreaterThan(0);
    } finally {
      await explainer.query("ROLLBACK");
    }
  }, 120_000);
});

describe("db:seed -- --remove-synthetic", () => {
  it("takes out every synthetic release with its figures, events, categories, tags and keys, and nothing else", async () => {
    const outbox = await db.cacheInvalidation.count();
    expect(await removeSynthetic()).toBe(RELEASES);
    expect(await db.release.count({ where: { synthetic: true } })).toBe(0);
    expect(await db.figure.count({ where: { key: { startsWith: "synthetic_" } } })).toBe(0);
    expect(await db.figureKey.count({ where: { key: { startsWith: "synthetic_" } } })).toBe(0);
    expect(await db.event.count({ where: { slug: { startsWith: "synthetic-" } } })).toBe(0);
    expect(await db.category.count({ where: { slug: { startsWith: "synthetic-" } } })).toBe(0);
    expect(await db.tag.count({ where: { slug: { startsWith: "synthetic-" } } })).toBe(0);
    expect(await db.release.findUnique({ where: { id: ownRelease.id } })).not.toBeNull();
    expect(await db.figure.count({ where: { releaseId: ownRelease.id } })).toBeGreaterThan(0);
    expect(await db.cacheInvalidation.count()).toBe(outbox + 1);
    expect(await removeSynthetic()).toBe(0);
  }, 300_000);
});
