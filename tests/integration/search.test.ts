import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { listReleasesForStaff, listReleasesOrProblem } from "@/lib/releases/admin-queries";
import { createRelease } from "@/lib/releases/create-release";
import { deleteRelease } from "@/lib/releases/delete-release";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { writeReleaseContent } from "@/lib/releases/write-content";
import { releaseInputSchema } from "@/lib/releases/schema";
import { bodyToText } from "@/lib/content/sanitize-body";
import { reindexAllSearchDocuments } from "@/lib/search/search-document";
import { parseQuery, searchInputSchema } from "@/lib/search/search-query";
import { publicTierSql, searchPublicReleases, searchReleasesForStaff } from "@/lib/search/search-releases";
import { withSearchTimeout, type SearchSession } from "@/lib/search/search-pool";
import { SNIPPET_SCAN_LENGTH, snippetParts } from "@/lib/search/snippet";
import type { Actor } from "@/lib/auth/actor";
import { createRandom } from "@/lib/seed/synthetic/prng";
import { createCategory } from "./factories";
import { createStaff, releaseInput } from "./staff";

/** A made-up Chinese word no other test writes: searches for it see only this test's releases. */
function uniqueHan(length = 4): string {
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + crypto.randomInt(0x51a0))).join("");
}

async function published(actor: Actor, over: Record<string, unknown> = {}) {
  const draft = await createRelease(actor, releaseInput(over));
  return transitionRelease(actor, draft.id, { action: "publish", baseVersion: draft.version });
}

const slugs = (page: { hits: Array<{ slug: string }> }) => page.hits.map((h) => h.slug);
const search = (q: string, filters = {}, limit = 20, offset = 0) =>
  searchPublicReleases({ q, filters, limit, offset });

/** What a hit's snippet was before documents held it: built per request from the release's rows. */
async function snippetFromReleaseRows(slug: string, tier: number, terms: string[]) {
  const row = await db.release.findUniqueOrThrow({
    where: { slug },
    select: {
      summary: true,
      body: true,
      figures: { select: { label: true, mention: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  const candidates = [bodyToText(row.body), row.summary];
  if (tier === 3) candidates.unshift(row.figures.map((f) => `${f.label} ${f.mention ?? ""}`).join("；"));
  for (const text of candidates) {
    const parts = snippetParts(text, terms);
    if (parts.some((p) => p.hit)) return parts;
  }
  return snippetParts(row.summary || bodyToText(row.body), terms);
}

/** The search connection's own settings, as a search sees them. */
const setting = (session: SearchSession) =>
  session.query<{ indexscan: string; seqscan: string; timeout: string }>(
    Prisma.sql`SELECT current_setting('enable_indexscan') AS indexscan, current_setting('enable_seqscan') AS seqscan, current_setting('statement_timeout') AS timeout`,
  );

describe("search (lib/search) on PostgreSQL", () => {
  it("ranks a title match over summary, figure label and body, whatever the dates", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    // Created oldest first, so newest-first alone would give the reverse order.
    const title = await published(publisher, { title: `标题里有${word}` });
    const summary = await published(publisher, { summary: `摘要里有${word}` });
    const figure = await published(publisher, {
      figures: [
        { key: `k_${crypto.randomBytes(4).toString("hex")}`, label: `${word}数量`, value: "5", unit: "个" },
      ],
    });
    const body = await published(publisher, { body: `<p>正文里有${word}。</p>` });
    const page = await search(word);
    expect(slugs(page)).toEqual([title.slug, summary.slug, figure.slug, body.slug]);
    expect(page.hits.map((h) => h.tier)).toEqual([1, 2, 3, 4]);
    expect(page.hits[3].snippet).toEqual([
      { text: "正文里有", hit: false },
      { text: word, hit: true },
      { text: "。", hit: false },
    ]);
  });

  it("finds simplified text with a traditional query and the reverse, figure values, and mixed queries", async () => {
    const publisher = await createStaff("publisher");
    const category = await createCategory();
    const simplified = await published(publisher, {
      categoryId: category.id,
      title: "2023世界制造业大会成果发布",
      summary: "共促成合作签约项目587个",
      body: "<p>大会期间举办了多场活动。</p>",
      figures: [
        {
          key: "signed_investment",
          label: "投资总额",
          value: "3425",
          unit: "亿元",
          mention: "3425亿元",
        },
      ],
    });
    const traditional = await published(publisher, {
      categoryId: category.id,
      title: "世界製造業大會簽約項目",
      summary: "",
      body: "<p>WMC 展會。</p>",
      figures: [],
    });
    const inCategory = { category: category.slug };
    expect(slugs(await search("签约项目", inCategory)).sort()).toEqual(
      [simplified.slug, traditional.slug].sort(),
    );
    expect(slugs(await search("簽約項目", inCategory)).sort()).toEqual(
      [simplified.slug, traditional.slug].sort(),
    );
    // The value is only in the figure (the body does not state it).
    expect(slugs(await search("3425亿", inCategory))).toEqual([simplified.slug]);
    expect(slugs(await search("3425億元", inCategory))).toEqual([simplified.slug]);
    expect(slugs(await search("342500000000", inCategory))).toEqual([simplified.slug]);
    expect(slugs(await search("2023 投资", inCategory))).toEqual([simplified.slug]);
    expect(slugs(await search("wmc", inCategory))).toEqual([traditional.slug]);
    expect(slugs(await search("WMC 展会", inCategory))).toEqual([traditional.slug]);
    expect(slugs(await search("3426亿", inCategory))).toEqual([]);
  });

  it("filters by category, edition, year and language", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    const [a, b] = [await createCategory(), await createCategory()];
    const event = await db.event.create({
      data: { slug: `e-${crypto.randomBytes(4).toString("hex")}`, name: "测试大会" },
    });
    const edition = await db.edition.create({
      data: {
        eventId: event.id,
        year: 2019,
        startDate: new Date("2019-09-20"),
        endDate: new Date("2019-09-22"),
        city: "合肥",
      },
    });
    const inA = await published(publisher, {
      categoryId: a.id,
      body: `<p>${word}</p>`,
      editionId: edition.id,
    });
    const inB = await published(publisher, { categoryId: b.id, body: `<p>${word}</p>`, locale: "en" });
    const old = await published(publisher, { categoryId: b.id, body: `<p>${word}</p>` });
    await db.release.update({ where: { id: old.id }, data: { publishAt: new Date("2020-12-31T17:00:00Z") } }); // 2021-01-01 in Beijing
    expect(slugs(await search(word)).sort()).toEqual([inA.slug, inB.slug, old.slug].sort());
    expect(slugs(await search(word, { category: a.slug }))).toEqual([inA.slug]);
    expect(slugs(await search(word, { edition: 2019 }))).toEqual([inA.slug]);
    expect(slugs(await search(word, { year: 2021 }))).toEqual([old.slug]);
    expect(slugs(await search(word, { year: 2020 }))).toEqual([]);
    expect(slugs(await search(word, { lang: "en" }))).toEqual([inB.slug]);
    expect(slugs(await search(word, { lang: "zh-CN", category: b.slug }))).toEqual([old.slug]);
    expect(slugs(await search(word, { category: "no-such-category" }))).toEqual([]);
  });

  it("pages with cursors: every match once, in order, and the last page has no cursor", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    const created: string[] = [];
    for (let i = 0; i < 23; i++)
      created.push((await published(publisher, { body: `<p>${word} ${i}</p>` })).slug);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const input = searchInputSchema.parse({ q: word, limit: "10", cursor });
      const page = await search(input.q, {}, input.limit, input.cursor);
      seen.push(...slugs(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...created].reverse());
    expect(searchInputSchema.safeParse({ q: word, cursor: "eyJvIjoxMH0" }).success).toBe(false);
  });

  it("fetches tier after tier in exactly the order of ranking every match at once, whoever changes the release", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    const places = [
      { title: `标题${word}` },
      { summary: `摘要${word}` },
      {
        figures: [
          { key: `k_${crypto.randomBytes(4).toString("hex")}`, label: `${word}数量`, value: "5", unit: "个" },
        ],
      },
      { body: `<p>正文${word}</p>` },
    ];
    const ids: string[] = [];
    for (let i = 0; i < 26; i++) ids.push((await published(publisher, places[i % 4])).id);
    // Ties in publishAt (order by id then) and dates out of creation order, written straight to the
    // release table as a bulk loader or an operator would: the triggers carry them to the documents.
    await db.$executeRaw`UPDATE release SET "publishAt" = now() - interval '1 day' * (ordinality % 3)
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS u(id, ordinality) WHERE release.id = u.id`;
    await db.$executeRaw`UPDATE release SET status = 'archived' WHERE id = ${ids[0]}::uuid`;
    await db.$executeRaw`UPDATE release SET "publishAt" = now() + interval '1 hour' WHERE id = ${ids[5]}::uuid`;

    // The reference: one statement over the release table itself, tier computed for every match.
    const query = Prisma.sql`${parseQuery(word).tsquery}::tsquery`;
    const tier = (column: string) => Prisma.sql`${Prisma.raw(`d."${column}"`)} @@ ${query}`;
    const expected = await db.$queryRaw<Array<{ id: string; tier: number }>>`
      SELECT r.id, CASE WHEN ${tier("titleVector")} THEN 1 WHEN ${tier("summaryVector")} THEN 2
        WHEN ${tier("figureVector")} THEN 3 ELSE 4 END::int AS tier
      FROM search_document d JOIN release r ON r.id = d."releaseId"
      WHERE d."allVector" @@ ${query} AND r.status IN ('published', 'scheduled') AND r."publishAt" <= now()
      ORDER BY tier, r."publishAt" DESC, r.id`;
    expect(expected).toHaveLength(24);
    expect(expected.map((e) => e.id)).not.toContain(ids[0]);
    expect(expected.map((e) => e.id)).not.toContain(ids[5]);
    for (const offset of [0, 5, 10, 15, 20, 25]) {
      const page = await search(word, {}, 5, offset);
      expect(
        page.hits.map((h) => ({ id: h.id, tier: h.tier })),
        `offset ${offset}`,
      ).toEqual(expected.slice(offset, offset + 5));
      expect(page.nextCursor !== null, `offset ${offset}`).toBe(offset + 5 < expected.length);
    }
    // Back to published by SQL: found again, at its tier.
    await db.$executeRaw`UPDATE release SET status = 'published' WHERE id = ${ids[0]}::uuid`;
    const all = await search(word, {}, 50);
    expect(all.hits.find((h) => h.id === ids[0])?.tier).toBe(1);
    expect(all.hits).toHaveLength(25);
  });

  it("shows readers public releases only, and staff every release through the admin list", async () => {
    const publisher = await createStaff("publisher");
    const editor = await createStaff("editor");
    const word = uniqueHan();
    const live = await published(publisher, { body: `<p>${word}</p>` });
    const draft = await createRelease(editor, releaseInput({ body: `<p>${word}</p>` }));
    const embargoed = await createRelease(publisher, releaseInput({ body: `<p>${word}</p>` }));
    await transitionRelease(publisher, embargoed.id, {
      action: "schedule",
      baseVersion: embargoed.version,
      publishAt: new Date(Date.now() + 3_600_000),
    });
    const archived = await published(publisher, { body: `<p>${word}</p>` });
    await transitionRelease(publisher, archived.id, { action: "archive", baseVersion: archived.version });

    expect(slugs(await search(word))).toEqual([live.slug]);
    const staff = await searchReleasesForStaff(editor, { q: word });
    expect(slugs(staff).sort()).toEqual([live.slug, draft.slug, embargoed.slug, archived.slug].sort());
    expect((await listReleasesForStaff(editor, { q: word, status: "draft" })).map((r) => r.slug)).toEqual([
      draft.slug,
    ]);
    await expect(searchReleasesForStaff(null, { q: word })).rejects.toMatchObject({
      code: "unauthenticated",
    });

    // Once the draft is published, readers find it (visibility is decided at query time).
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
    expect(slugs(await search(word)).sort()).toEqual([live.slug, draft.slug].sort());
    // Deleted: its document goes with it.
    const gone = await createRelease(editor, releaseInput({ body: `<p>${word}</p>` }));
    await deleteRelease(publisher, gone.id, { baseVersion: gone.version });
    expect(await db.$queryRaw`SELECT 1 FROM search_document WHERE "releaseId" = ${gone.id}::uuid`).toEqual(
      [],
    );
  });

  it("updates the document in the save's own transaction: a rolled-back write leaves it as it was", async () => {
    const publisher = await createStaff("publisher");
    const [before, after, never] = [uniqueHan(), uniqueHan(), uniqueHan()];
    const release = await published(publisher, { title: `旧标题${before}` });
    const input = releaseInput({ title: `新标题${after}`, slug: release.slug });
    await saveRelease(publisher, release.id, {
      baseVersion: release.version,
      release: input,
      changeNote: { minor: true },
    });
    expect(slugs(await search(after))).toEqual([release.slug]);
    expect(slugs(await search(before))).toEqual([]);

    // Inside the transaction the new document is there; after the rollback it never was.
    await expect(
      db.$transaction(async (tx) => {
        await writeReleaseContent(
          tx,
          release.id,
          releaseInputSchema.parse({ ...input, title: `回滚${never}` }),
        );
        const inside = await tx.$queryRaw<unknown[]>`
          SELECT 1 FROM search_document WHERE "releaseId" = ${release.id}::uuid AND "titleVector" @@ ${parseQuery(never).tsquery}::tsquery`;
        expect(inside).toHaveLength(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(slugs(await search(never))).toEqual([]);
    expect(slugs(await search(after))).toEqual([release.slug]);
  });

  it("search:reindex rebuilds every document in batches", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    const releases = [
      await published(publisher, { body: `<p>${word}</p>` }),
      await published(publisher, { body: `<p>${word}</p>` }),
    ];
    const ids = releases.map((r) => r.id);
    await db.$executeRaw`DELETE FROM search_document WHERE "releaseId" = ANY(${ids}::uuid[])`;
    expect(slugs(await search(word))).toEqual([]);
    const batches: number[] = [];
    const { indexed } = await reindexAllSearchDocuments({
      batchSize: 7,
      onBatch: (done) => batches.push(done),
    });
    expect(indexed).toBe(await db.release.count());
    expect(batches.every((done, i) => done === Math.min(7 * (i + 1), indexed))).toBe(true);
    expect(slugs(await search(word)).sort()).toEqual(releases.map((r) => r.slug).sort());
    const [{ missing }] = await db.$queryRaw<Array<{ missing: bigint }>>`
      SELECT count(*) AS missing FROM release r WHERE NOT EXISTS (SELECT 1 FROM search_document d WHERE d."releaseId" = r.id)`;
    expect(Number(missing)).toBe(0);
  });

  it("cuts snippets from the document's prepared text, exactly as from the release's own, and rebuilds older documents at start", async () => {
    const publisher = await createStaff("publisher");
    const category = await createCategory();
    const word = uniqueHan();
    const traditional = "簽約項目";
    const inCategory = { category: category.slug };
    const releases = [
      // Markup, runs of whitespace and traditional script around the match in the body.
      await published(publisher, {
        categoryId: category.id,
        body: `<p>开幕  式\n上，</p><p>共促成<b>${traditional}</b>与${word}合作。</p>`,
        figures: [],
      }),
      // Only in the summary.
      await published(publisher, { categoryId: category.id, summary: `摘要：${word}签约项目` }),
      // Only in a figure's label (figure tier: the figures' own words).
      await published(publisher, {
        categoryId: category.id,
        figures: [
          {
            key: `k_${crypto.randomBytes(4).toString("hex")}`,
            label: `${word}签约项目`,
            value: "5",
            unit: "个",
            mention: "5个",
          },
        ],
      }),
      // Past the first SNIPPET_SCAN_LENGTH characters of the body: the opening is shown.
      await published(publisher, {
        categoryId: category.id,
        body: `<p>${"前文".repeat(SNIPPET_SCAN_LENGTH)}</p><p>${word}签约项目</p>`,
      }),
    ];
    const queries = [word, `${word} 签约项目`, "签约项目", "簽約項目"];
    const expectSnippetsFromReleaseRows = async () => {
      for (const q of queries) {
        const page = await search(q, inCategory);
        expect(page.hits.length).toBeGreaterThan(0);
        for (const hit of page.hits)
          expect(hit.snippet, `${q} ${hit.slug}`).toEqual(
            await snippetFromReleaseRows(hit.slug, hit.tier, page.terms),
          );
      }
    };
    await expectSnippetsFromReleaseRows();
    const bodyHit = (await search(word, inCategory)).hits.find((h) => h.slug === releases[0].slug);
    expect(bodyHit?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual([word]);
    const traditionalHit = (await search("签约项目", inCategory)).hits.find(
      (h) => h.slug === releases[0].slug,
    );
    expect(traditionalHit?.snippet.find((p) => p.hit)?.text).toBe(traditional);

    // Documents written before the snippet columns: the summary's snippet until start-up rebuilds them.
    const ids = releases.map((r) => r.id);
    await db.$executeRaw`
      UPDATE search_document SET "bodySnippet" = NULL, "bodySnippetNormal" = NULL, "summarySnippet" = NULL,
        "summarySnippetNormal" = NULL, "figureSnippet" = NULL, "figureSnippetNormal" = NULL
      WHERE "releaseId" = ANY(${ids}::uuid[])`;
    const older = (await search(word, inCategory)).hits.find((h) => h.slug === releases[0].slug);
    expect(older?.snippet).toEqual(snippetParts(releaseInput().summary, parseQuery(word).terms));
    const { indexed } = await reindexAllSearchDocuments({ onlyMissing: true });
    expect(indexed).toBeGreaterThanOrEqual(ids.length);
    const [{ unprepared }] = await db.$queryRaw<Array<{ unprepared: number }>>`
      SELECT count(*)::int AS unprepared FROM search_document WHERE "releaseId" = ANY(${ids}::uuid[]) AND "bodySnippet" IS NULL`;
    expect(unprepared).toBe(0);
    await expectSnippetsFromReleaseRows();
  });

  it("cuts the same snippets from the document as from the release's own text, on random texts", async () => {
    const publisher = await createStaff("publisher");
    const category = await createCategory();
    const word = uniqueHan(4);
    const random = createRandom(13);
    // Traditional and simplified, full-width, two-unit characters, one opencc changes the shape of
    // (𠗣→㓆), a letter that changes length in lower case (İ), and the words of the queries.
    const alphabet = Array.from("签约项目簽約項目会會投资資亿億 ＡａA１1😀𠀀𠗣㗲İ，。");
    const pick = (n: number) => Array.from({ length: n }, () => random.pick(alphabet)).join("");
    const bodies = Array.from({ length: 16 }, () => {
      // Before, at and past the window's lead, and near the end of the scanned text.
      const before = pick(random.pick([0, 3, 39, 40, 41, 200, SNIPPET_SCAN_LENGTH - 30]));
      return `${before}${word}${pick(random.pick([0, 5, 150, 400]))}`;
    });
    // Where a snippet of 120 characters ends (40 before the word, the word, 76 after): a term as
    // long as the word across that end, and texts ending just before, at and after it.
    const lead = "前".repeat(50);
    bodies.push(`${lead}${word}${"后".repeat(74)}签约项目`, `${lead}${word}${"后".repeat(73)}签约`);
    for (const after of [75, 76, 77]) bodies.push(`${lead}${word}${"后".repeat(after)}`);
    for (const body of bodies)
      await published(publisher, {
        categoryId: category.id,
        summary: random.int(0, 1) ? `摘要${pick(random.int(0, 60))}` : `摘要${word}${pick(30)}`,
        body: `<p>${body}</p>`,
        figures: [],
      });
    const inCategory = { category: category.slug };
    const queries = [
      word,
      `${word} 签约`,
      `${word} 签约项目`,
      `${word} 項目会`,
      `${word}投资`,
      `${word} ａ`,
      `${word} 𠗣`,
      `${word} 😀i`,
    ];
    for (const q of queries) {
      const page = await search(q, inCategory, 50);
      for (const hit of page.hits)
        expect(hit.snippet, `${q} ${hit.slug}`).toEqual(
          await snippetFromReleaseRows(hit.slug, hit.tier, page.terms),
        );
    }
    expect((await search(word, inCategory, 50)).hits).toHaveLength(bodies.length);
  });

  it("refreshes the snippet text in the save's transaction", async () => {
    const publisher = await createStaff("publisher");
    const word = uniqueHan();
    const release = await published(publisher, { body: `<p>旧正文${word}</p>` });
    await saveRelease(publisher, release.id, {
      baseVersion: release.version,
      release: releaseInput({ slug: release.slug, body: `<p>新正文${word}</p>` }),
      changeNote: { minor: true },
    });
    const [hit] = (await search(word)).hits;
    expect(hit.snippet.map((p) => p.text).join("")).toBe(`新正文${word}`);
  });

  it("cancels any search statement that would run longer than the timeout", async () => {
    await expect(
      withSearchTimeout((session) => session.query(Prisma.sql`SELECT pg_sleep(0.5)::text`)),
    ).rejects.toMatchObject({
      code: "unavailable",
      message: "搜索超时，请换用更具体的关键词再试",
    });
    // The limit is the search connections' only: the app's own queries are not limited.
    await db.$queryRaw`SELECT pg_sleep(0.15)::text`;
    expect(await withSearchTimeout((session) => session.query(Prisma.sql`SELECT 1 AS one`))).toEqual([
      { one: 1 },
    ]);
  });

  it("gives its connection back as it took it: a later search walks indexes again, and a search always has its limits", async () => {
    // More searches at once than the pool has connections, each turning index walks off midway.
    const seen = await Promise.all(
      Array.from({ length: 12 }, () =>
        withSearchTimeout(async (session) => {
          const [before] = await setting(session);
          await session.laterTiersByGin();
          const [after] = await setting(session);
          return { before, after };
        }),
      ),
    );
    for (const { before, after } of seen) {
      expect(before).toEqual({ indexscan: "on", seqscan: "off", timeout: "100ms" });
      expect(after.indexscan).toBe("off");
    }
    // A statement that failed (a timeout) leaves no setting behind either.
    await expect(
      withSearchTimeout(async (session) => {
        await session.laterTiersByGin();
        await session.query(Prisma.sql`SELECT pg_sleep(0.5)::text`);
      }),
    ).rejects.toMatchObject({ code: "unavailable" });
    const after = await Promise.all(Array.from({ length: 8 }, () => withSearchTimeout(setting)));
    for (const [row] of after) expect(row).toEqual({ indexscan: "on", seqscan: "off", timeout: "100ms" });
  });

  it("a search whose connection is lost gets 503 'database unavailable', and the next search a fresh connection", async () => {
    await expect(
      withSearchTimeout(async (session) => {
        const [{ pid }] = await session.query<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
        await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
        await session.query(Prisma.sql`SELECT 1`);
      }),
    ).rejects.toMatchObject({ code: "unavailable", message: "数据库暂时不可用，请稍后再试" });
    // Every connection the pool hands out afterwards answers (the lost one was not given back).
    const answers = await Promise.all(Array.from({ length: 6 }, () => withSearchTimeout(setting)));
    for (const [row] of answers) expect(row).toEqual({ indexscan: "on", seqscan: "off", timeout: "100ms" });
  });

  it("a flood of searches waits for the few search connections, and one that waits too long is told to try again", async () => {
    const editor = await createStaff("editor");
    // Every search connection held (as by searches stuck behind a slow network), then one more search.
    let letGo: () => void = () => {};
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let holding = 0;
    const holders = Array.from({ length: 4 }, () =>
      withSearchTimeout(async (session) => {
        await session.query(Prisma.sql`SELECT 1`);
        holding++;
        await held;
      }),
    );
    await expect.poll(() => holding).toBe(4);
    const started = Date.now();
    await expect(search("签约项目")).rejects.toMatchObject({
      code: "unavailable",
      message: "搜索繁忙，请稍后再试",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The admin list says so by its search box instead of failing the page; without a query it lists.
    const listed = await listReleasesOrProblem(editor, { q: "签约项目" });
    expect(listed).toEqual({ rows: [], problem: "搜索繁忙，请稍后再试" });
    const plain = await listReleasesOrProblem(editor, { take: 3 });
    expect(plain.problem).toBeNull();
    expect(plain.rows.length).toBeGreaterThan(0);
    // Not every error is a "problem": a refused permission still is one.
    await expect(listReleasesOrProblem(null, { q: "签约项目" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    // The app's own queries are not in that queue.
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    letGo();
    await Promise.all(holders);
    // Once free, searches run again.
    expect(slugs(await search("签约项目"))).toBeTruthy();
  });
});

describe("hostile queries on 2,000 generated releases", () => {
  it("answer correctly, never error, and make PostgreSQL work far less than 100 ms", async () => {
    const category = await createCategory("攻击测试");
    const fillers = [
      "合作共赢",
      "制造业高质量发展",
      "智能网联汽车",
      "新能源",
      "集成电路",
      "投资洽谈",
      "签约仪式",
    ];
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      slug: `attack-${crypto.randomBytes(6).toString("hex")}`,
      title: `第${i}号${fillers[i % fillers.length]}新闻稿`,
      summary: `${fillers[(i + 3) % fillers.length]}成果${i}`,
      body: `<p>${Array.from({ length: 40 }, (_, k) => fillers[(i + k) % fillers.length]).join("，")}。共促成签约项目${i % 97}个，投资${i}亿元。</p>`,
      status: "published" as const,
      publishAt: new Date(Date.now() - 60_000 - i * 1000),
      categoryId: category.id,
    }));
    rows[0].body = `<p>${"啊".repeat(100)}</p>`;
    rows[1].body = "<p>折扣 100% 与下划线 a_b 以及反斜杠 c\\d</p>";
    await db.release.createMany({ data: rows });
    await reindexAllSearchDocuments({ onlyMissing: true });
    const inCategory = { category: category.slug };
    const found = async (q: string) => slugs(await search(q, inCategory, 50)).sort();

    const nothing = [
      "%",
      "_",
      "\\",
      "%%",
      "%_%",
      "\\%",
      "'",
      "''",
      ":*",
      "&",
      "|",
      "!",
      "<->",
      "()",
      "*",
      "^$",
    ];
    for (const q of nothing) expect(await found(q), q).toEqual([]);
    expect(await found("啊".repeat(100))).toEqual([rows[0].slug]);
    expect(await found("啊")).toEqual([rows[0].slug]);
    expect(await found("a_b")).toEqual([rows[1].slug]);
    expect(await found("100%")).toEqual(await found("100"));
    expect((await found("100%")).includes(rows[1].slug)).toBe(true);
    expect(await found("c\\d")).toEqual([rows[1].slug]);
    expect(await found("签约%项目")).toEqual(await found("签约 项目"));
    expect(await found(".*(第1号|第2号)+$")).toEqual(await found("第1号 第2号"));
    expect(await found("x".repeat(100))).toEqual([]);
    expect(await found("' OR 1=1 --")).toEqual([]);

    // Cost: EXPLAIN ANALYZE over the whole table (no category filter), the broadest hostile and common queries.
    const broad = [
      "啊".repeat(100),
      "a".repeat(100),
      "签约%项目",
      "合作共赢",
      "新",
      "第 号",
      ".*(a|b)+$",
      "[^a-z]{1,100}",
      "%_\\ 投资",
      Array.from({ length: 50 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join(" "),
    ];
    for (const q of broad) {
      const tsquery = parseQuery(q).tsquery;
      if (!tsquery) continue;
      const plan = { tsquery, filters: {}, audience: "public" as const, limit: 20, offset: 480 };
      for (const tier of [1, 2, 3, 4] as const) {
        // As the search runs each tier (matchPage): later tiers by GIN only.
        // On a search connection with its settings (no sequential scans, the statement timeout).
        const [{ "QUERY PLAN": explain }] = await withSearchTimeout(async (session) => {
          if (tier > 1) await session.laterTiersByGin();
          return session.query<{ "QUERY PLAN": Array<{ "Execution Time": number }> }>(
            Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${publicTierSql(plan, tier, 501)}`,
          );
        });
        expect(explain[0]["Execution Time"], `${q} tier ${tier}`).toBeLessThan(100);
      }
      await expect(search(q, {}, 50, 450)).resolves.toBeTruthy();
    }
  }, 120_000);
});
