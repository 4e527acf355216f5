// npm run -s bench:search-pages [-- --before-only] [-- --load SECONDS]   measures readers' search on
// the archive in this checkout's database (e.g. after `npm run db:seed -- --synthetic 10000`), for the
// README's "Search" table. Without migrating: on a database from before the migration
// search_document_ordering, --before-only measures the old plan alone.
//   before  one statement that ranks every match (tier by hashed GIN lookups, join with release, sort)
//   after   publicTierSql tier after tier, each bounded by what the page still needs (what ships)
// Milliseconds are EXPLAIN ANALYZE execution times (the sum of the statements for "after") of the
// first page of 20, median and worst of 5, with enable_seqscan off as in withSearchTimeout, after a
// VACUUM ANALYZE of the two tables (what autovacuum does after a bulk load).
// --load SECONDS: 10 concurrent callers of searchPublicReleases cycling through the queries
// (page of 20 with snippets), bounded by time, then p50/p99 and the number of timeouts (503).
import { connectDatabase } from "../lib/database/connect";
import { runCli } from "./run-cli";

const QUERIES = [
  "签约项目",
  "簽約項目",
  "会",
  "制造业",
  "新能源汽车",
  "智能",
  "2023 投资",
  "合肥",
  "3425亿",
  "WMC",
];
const RUNS = 5;
const PAGE = 20;
const CALLERS = 10;

type Explain = Array<{ "QUERY PLAN": Array<{ "Execution Time": number; Plan: { "Actual Rows": number } }> }>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) =>
  xs.length
    ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]
    : NaN;

runCli(async () => {
  const beforeOnly = process.argv.includes("--before-only");
  const loadAt = process.argv.indexOf("--load");
  const loadSeconds = loadAt > 0 ? Number(process.argv[loadAt + 1]) : 0;
  const database = await connectDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    const { Prisma } = await import("../lib/generated/prisma/client");
    const { db } = await import("../lib/db");
    const { parseQuery } = await import("../lib/search/search-query");
    const { publicTierSql, searchPublicReleases } = await import("../lib/search/search-releases");
    const { withSearchTimeout } = await import("../lib/search/search-pool");
    const { publicReleaseSql } = await import("../lib/publication/visibility-sql");

    const explain = (sql: import("../lib/generated/prisma/client").Prisma.Sql, laterTier = false) =>
      // On a search connection, with its settings, as the search runs the statement.
      withSearchTimeout(async (session) => {
        if (laterTier) await session.laterTiersByGin();
        const [{ "QUERY PLAN": plan }] = await session.query<Explain[number]>(
          Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        );
        return { ms: plan[0]["Execution Time"], rows: plan[0].Plan["Actual Rows"] };
      });
    const beforeSql = (tsquery: string) => {
      const query = Prisma.sql`${tsquery}::tsquery`;
      const tier = (column: string) =>
        Prisma.sql`d."releaseId" IN (SELECT "releaseId" FROM search_document WHERE ${Prisma.raw(`"${column}"`)} @@ ${query})`;
      return Prisma.sql`
        SELECT d."releaseId" AS id,
          CASE WHEN ${tier("titleVector")} THEN 1 WHEN ${tier("summaryVector")} THEN 2
               WHEN ${tier("figureVector")} THEN 3 ELSE 4 END::int AS tier
        FROM search_document d JOIN release r ON r.id = d."releaseId"
        WHERE d."allVector" @@ ${query} AND ${publicReleaseSql("r")}
        ORDER BY tier, r."publishAt" DESC, r.id
        LIMIT ${PAGE + 1}`;
    };

    // As autovacuum leaves the tables some time after a bulk load: GIN pending lists merged, statistics current.
    await db.$executeRawUnsafe("VACUUM ANALYZE search_document, release");
    const [{ releases }] = await db.$queryRaw<
      Array<{ releases: number }>
    >`SELECT count(*)::int AS releases FROM release`;
    console.log(`${releases} releases; load average ${(await import("node:os")).loadavg()[0].toFixed(1)}\n`);
    console.log(
      "| query | public matches | before: median ms | worst ms | after: median ms | worst ms | statements |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const q of QUERIES) {
      const tsquery = parseQuery(q).tsquery;
      if (!tsquery) continue;
      const [{ matches }] = await db.$queryRaw<Array<{ matches: number }>>`
        SELECT count(*)::int AS matches FROM search_document d JOIN release r ON r.id = d."releaseId"
        WHERE d."allVector" @@ ${tsquery}::tsquery AND ${publicReleaseSql("r")}`;
      const before: number[] = [];
      const after: number[] = [];
      let statements = 0;
      for (let run = 0; run < RUNS; run++) {
        before.push((await explain(beforeSql(tsquery))).ms);
        if (beforeOnly) continue;
        const plan = { tsquery, filters: {}, audience: "public" as const, limit: PAGE, offset: 0 };
        let found = 0;
        let ms = 0;
        statements = 0;
        for (const tier of [1, 2, 3, 4] as const) {
          if (found > PAGE) break;
          const result = await explain(publicTierSql(plan, tier, PAGE + 1 - found), tier > 1);
          found += result.rows;
          ms += result.ms;
          statements++;
        }
        after.push(ms);
      }
      const cell = (xs: number[]) =>
        xs.length ? [median(xs), Math.max(...xs)].map((x) => x.toFixed(1)) : ["", ""];
      console.log(
        `| ${q} | ${matches} | ${cell(before).join(" | ")} | ${cell(after).join(" | ")} | ${statements || ""} |`,
      );
    }

    if (loadSeconds > 0) {
      // The matching statements alone (what issue 13 timed out on), old and new, then the whole search.
      const load = async (name: string, search: (q: string) => Promise<unknown>) => {
        const times: number[] = [];
        let timeouts = 0;
        const until = Date.now() + loadSeconds * 1000;
        let next = 0;
        await Promise.all(
          Array.from({ length: CALLERS }, async () => {
            while (Date.now() < until) {
              const q = QUERIES[next++ % QUERIES.length];
              const started = performance.now();
              try {
                await search(q);
                times.push(performance.now() - started);
              } catch (error) {
                if ((error as { code?: string }).code !== "unavailable") throw error;
                timeouts++;
              }
            }
          }),
        );
        console.log(
          `${name}, ${CALLERS} callers for ${loadSeconds} s: ${times.length + timeouts} searches, p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, ${timeouts} timeouts (503)`,
        );
      };
      console.log("");
      await load("before, matching statement", (q) =>
        withSearchTimeout((session) => session.query(beforeSql(parseQuery(q).tsquery ?? ""))),
      );
      if (!beforeOnly) {
        await load("after, matching statements", (q) =>
          withSearchTimeout(async (session) => {
            const plan = {
              tsquery: parseQuery(q).tsquery ?? "",
              filters: {},
              audience: "public" as const,
              limit: PAGE,
              offset: 0,
            };
            let found = 0;
            for (const tier of [1, 2, 3, 4] as const) {
              if (found > PAGE) break;
              if (tier === 2) await session.laterTiersByGin();
              found += (await session.query<unknown>(publicTierSql(plan, tier, PAGE + 1 - found))).length;
            }
          }),
        );
        await load("after, searchPublicReleases (page of 20 with snippets)", (q) =>
          searchPublicReleases({ q, limit: PAGE }),
        );
      }
    }
    await db.$disconnect();
  } finally {
    await database.stop();
  }
});
