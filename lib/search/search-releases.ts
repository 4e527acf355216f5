import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { ReleaseStatus } from "../generated/prisma/enums";
import { requirePermission, type Actor } from "../auth/actor";
import { publicReleaseSql } from "../publication/visibility-sql";
import { withSearchTimeout, type SearchSession } from "./search-pool";
import { encodeCursor, MAX_SEARCH_OFFSET, parseQuery, type SearchFilters } from "./search-query";
import { snippetPartsOf, snippetSource, type SnippetPart, type SnippetSource } from "./snippet";

/** Where the best match is: 1 title, 2 summary, 3 figures, 4 body (or tags, slug). Results are ordered by it. */
export type MatchTier = 1 | 2 | 3 | 4;

export interface SearchPlan {
  tsquery: string;
  filters: SearchFilters;
  status?: ReleaseStatus;
  audience: "public" | "staff";
  limit: number;
  offset: number;
}

/** Filters over `alias`: the release (staff) or the document's copies of its columns (public). */
function filterSql(alias: "r" | "d", filters: SearchFilters, status?: ReleaseStatus): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const where: Prisma.Sql[] = [];
  if (filters.category)
    where.push(
      Prisma.sql`${column("categoryId")} = (SELECT id FROM category WHERE slug = ${filters.category})`,
    );
  if (filters.edition !== undefined)
    where.push(
      Prisma.sql`${column("editionId")} IN (SELECT id FROM edition WHERE year = ${filters.edition})`,
    );
  // A year of publication as readers see dates: in Beijing time.
  if (filters.year !== undefined)
    where.push(
      Prisma.sql`${column("publishAt")} >= make_timestamptz(${filters.year}::int, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND ${column("publishAt")} < make_timestamptz(${filters.year + 1}::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')`,
    );
  if (filters.lang) where.push(Prisma.sql`${column("locale")} = ${filters.lang}`);
  if (status) where.push(Prisma.sql`${column("status")} = ${status}::"ReleaseStatus"`);
  return where;
}

/** The vector of each tier, in tier order: a release's tier is the first of them it matches. */
const TIER_VECTORS = ["titleVector", "summaryVector", "figureVector", "allVector"] as const;
const TIERS: MatchTier[] = [1, 2, 3, 4];

/**
 * Staff's page of matches, best first: a release matches when its document holds every lexeme of
 * the query; its tier is the first of its per-field vectors that matches too; within a tier the
 * newest change first. Every test is a GIN lookup that is exact (no positions or weights, so no
 * recheck): the vectors themselves, stored out of line (toast_tuple_target in the migration), are
 * never read. It sorts every match; staff searches are few (readers use publicTierSql).
 */
export function staffMatchSql(plan: SearchPlan): Prisma.Sql {
  const query = Prisma.sql`${plan.tsquery}::tsquery`;
  const tier = (column: string) =>
    Prisma.sql`d."releaseId" IN (SELECT "releaseId" FROM search_document WHERE ${Prisma.raw(`"${column}"`)} @@ ${query})`;
  const where = [Prisma.sql`d."allVector" @@ ${query}`, ...filterSql("r", plan.filters, plan.status)];
  return Prisma.sql`
    SELECT d."releaseId" AS id,
      CASE WHEN ${tier("titleVector")} THEN 1
           WHEN ${tier("summaryVector")} THEN 2
           WHEN ${tier("figureVector")} THEN 3
           ELSE 4 END::int AS tier
    FROM search_document d
      JOIN release r ON r.id = d."releaseId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY tier, r."updatedAt" DESC, r.id
    LIMIT ${plan.limit + 1} OFFSET ${plan.offset}`;
}

/**
 * Readers' matches of one tier, newest first, at most `limit`: the document's vector of that tier
 * matches and none of the earlier tiers' does (every field's lexemes are in allVector, so a field
 * match is a match). Visibility, filters and order use the document's copies of the release's
 * columns (kept by triggers), so for a query most releases match PostgreSQL walks the
 * (publishAt, releaseId) index and stops after a page, and for a rare one it takes the GIN index
 * and sorts the few matches; no statement sorts thousands of rows (issue 13: 26 ms idle, timeouts
 * under 10 connections, when one statement ranked all 9,000 matches of 签约项目).
 */
export function publicTierSql(plan: SearchPlan, tier: MatchTier, limit: number): Prisma.Sql {
  const query = Prisma.sql`${plan.tsquery}::tsquery`;
  const vector = (column: string) => Prisma.raw(`"${column}"`);
  // An earlier tier's matches are excluded by a hashed lookup on its GIN index, not by reading each
  // candidate's vectors (the figures' are large): that tier held less than a page, so it is small.
  const earlier = (column: string) =>
    Prisma.sql`d."releaseId" NOT IN (SELECT "releaseId" FROM search_document WHERE ${vector(column)} @@ ${query})`;
  const where = [
    Prisma.sql`d.${vector(TIER_VECTORS[tier - 1])} @@ ${query}`,
    ...TIER_VECTORS.slice(0, tier - 1).map(earlier),
    publicReleaseSql("d"),
    ...filterSql("d", plan.filters),
  ];
  return Prisma.sql`
    SELECT d."releaseId" AS id, ${tier}::int AS tier
    FROM search_document d
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY d."publishAt" DESC, d."releaseId"
    LIMIT ${limit}`;
}

type Match = { id: string; tier: MatchTier };

/**
 * Up to limit + 1 matches from `offset` on, in the order (tier, newest first, id). Readers' search
 * fetches tier after tier, each bounded by what the page still needs, and stops once it has enough.
 */
async function matchPage(session: SearchSession, plan: SearchPlan): Promise<Match[]> {
  if (plan.audience === "staff") return session.query<Match>(staffMatchSql(plan));
  const wanted = plan.offset + plan.limit + 1;
  const found: Match[] = [];
  for (const tier of TIERS) {
    if (found.length >= wanted) break;
    if (tier === 2) await session.laterTiersByGin();
    found.push(...(await session.query<Match>(publicTierSql(plan, tier, wanted - found.length))));
  }
  return found.slice(plan.offset);
}

interface PageRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishAt: Date | null;
  locale: string;
  status: ReleaseStatus;
  updatedAt: Date;
  categorySlug: string | null;
  categoryName: string | null;
  bodySnippet: string | null;
  bodySnippetNormal: string | null;
  summarySnippet: string | null;
  summarySnippetNormal: string | null;
  figureSnippet: string | null;
  figureSnippetNormal: string | null;
}

/**
 * What the page shows of its matches, in one statement: the release's short columns, its
 * category, and from its search document the snippet sources prepared when it was written (the
 * figures' only for figure-tier hits), so a search never reads a body or figure rows.
 */
function pageRowsSql(page: Match[], audience: SearchPlan["audience"]): Prisma.Sql {
  const ids = page.map((m) => m.id);
  const figureTier = page.filter((m) => m.tier === 3).map((m) => m.id);
  const forFigureTier = (column: string) =>
    Prisma.sql`CASE WHEN r.id = ANY(${figureTier}::uuid[]) THEN d.${Prisma.raw(`"${column}"`)} END AS ${Prisma.raw(`"${column}"`)}`;
  return Prisma.sql`
    SELECT r.id, r.slug, r.title, r.summary, r."publishAt", r.locale, r.status, r."updatedAt",
      c.slug AS "categorySlug", c.name AS "categoryName",
      d."bodySnippet", d."bodySnippetNormal", d."summarySnippet", d."summarySnippetNormal",
      ${forFigureTier("figureSnippet")}, ${forFigureTier("figureSnippetNormal")}
    FROM release r
      JOIN search_document d ON d."releaseId" = r.id
      LEFT JOIN category c ON c.id = r."categoryId"
    WHERE r.id = ANY(${ids}::uuid[])${audience === "public" ? Prisma.sql` AND ${publicReleaseSql("r")}` : Prisma.empty}`;
}

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishAt: Date | null;
  locale: string;
  tier: MatchTier;
  snippet: SnippetPart[];
  category: { slug: string; name: string } | null;
  status: ReleaseStatus;
  updatedAt: Date;
}

export interface SearchPage {
  terms: string[];
  hits: SearchHit[];
  offset: number;
  nextCursor: string | null;
}

async function runSearch(q: string, options: Omit<SearchPlan, "tsquery">): Promise<SearchPage> {
  const { terms, tsquery } = parseQuery(q);
  if (!tsquery) return { terms, hits: [], offset: options.offset, nextCursor: null };
  // The matches and what the page shows of them, on one search connection. Two statements see
  // two moments: the second tests readers' visibility again, so a release taken down in between is
  // left out like one deleted in between.
  const { matches, rows } = await withSearchTimeout(async (session) => {
    const matches = await matchPage(session, { ...options, tsquery });
    const page = matches.slice(0, options.limit);
    const rows = page.length ? await session.query<PageRow>(pageRowsSql(page, options.audience)) : [];
    return { matches, rows };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = matches.slice(0, options.limit).flatMap(({ id, tier }): SearchHit[] => {
    const row = byId.get(id);
    // Deleted between the two statements: left out.
    if (!row) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        publishAt: row.publishAt,
        locale: row.locale,
        status: row.status,
        updatedAt: row.updatedAt,
        category: row.categorySlug ? { slug: row.categorySlug, name: row.categoryName ?? "" } : null,
        tier,
        snippet: snippetOf(tier, row, terms),
      },
    ];
  });
  const next = options.offset + options.limit;
  const nextCursor = matches.length > options.limit && next <= MAX_SEARCH_OFFSET ? encodeCursor(next) : null;
  return { terms, hits, offset: options.offset, nextCursor };
}

const prepared = (text: string | null, normal: string | null): SnippetSource | null =>
  text === null || normal === null ? null : { text, normal };

/**
 * The excerpt where the match is: the body, else the summary, else the figures' own words. A
 * document written before the snippet columns existed (rebuilt at start-up) gives the summary's.
 */
function snippetOf(tier: MatchTier, row: PageRow, terms: string[]): SnippetPart[] {
  const body = prepared(row.bodySnippet, row.bodySnippetNormal) ?? snippetSource("");
  const summary = prepared(row.summarySnippet, row.summarySnippetNormal) ?? snippetSource(row.summary);
  const candidates = [body, summary];
  const figures = prepared(row.figureSnippet, row.figureSnippetNormal);
  if (tier === 3 && figures) candidates.unshift(figures);
  for (const source of candidates) {
    const parts = snippetPartsOf(source, terms);
    if (parts.some((p) => p.hit)) return parts;
  }
  return snippetPartsOf(row.summary ? summary : body, terms);
}

/** Readers' search: public releases only (lib/publication/visibility.ts). */
export async function searchPublicReleases(input: {
  q: string;
  filters?: SearchFilters;
  limit: number;
  offset?: number;
}): Promise<SearchPage> {
  return runSearch(input.q, {
    audience: "public",
    filters: input.filters ?? {},
    limit: input.limit,
    offset: input.offset ?? 0,
  });
}

/** The admin list's search box: the same engine over every release, for staff. */
export async function searchReleasesForStaff(
  actor: Actor | null,
  input: { q: string; status?: ReleaseStatus; limit?: number; offset?: number },
): Promise<SearchPage> {
  requirePermission(actor, "release.edit");
  return runSearch(input.q, {
    audience: "staff",
    filters: {},
    status: input.status,
    limit: input.limit ?? 100,
    offset: input.offset ?? 0,
  });
}
