// npm run -s bench:search-design [-- N]   measures the search designs considered for issue 13 on N
// generated releases (default 10,000), on the embedded PostgreSQL, and prints the README's table:
//   A  CJK character pairs as a lexeme set (no positions), AND query  (the shipped design)
//   B  the same pairs with positions, phrase query (<->): exact substrings, GIN recheck
//   C  jieba words (@node-rs/jieba, when installed: NODE_PATH=<dir with it>), AND query
//   D  pg_trgm + ILIKE '%q%' in a C.UTF-8 database (in the cluster's C locale pg_trgm makes no Chinese trigrams)
// Every variant is measured by EXPLAIN ANALYZE's execution time of "newest 20 matches", and its
// match count is compared with exact substring matching (ILIKE on the same text) as the truth.
import { createRequire } from "node:module";
import fs from "node:fs";
import pg from "pg";
import { connectDatabase } from "../lib/database/connect";
import { bodyToText } from "../lib/content/sanitize-body";
import { normaliseForSearch } from "../lib/search/normalise-text";
import { parseQuery } from "../lib/search/search-query";
import { documentLexemes, tokenRuns, tsvectorLiteral, quoteLexeme, cjkLexemes } from "../lib/search/tokenise";
import { blocksToHtml } from "../lib/seed/seed-release-body";
import { wmc2023Blocks } from "../prisma/seed-data/wmc-2023-blocks";
import { wmc2023Figures } from "../prisma/seed-data/wmc-2023-figures";
import { runCli } from "./run-cli";

const N = Number(process.argv[2] ?? 10_000);
const QUERIES = [
  "签约项目",
  "制造业",
  "投资总额",
  "3425亿",
  "会",
  "新能源汽车",
  "合肥 2023",
  "约项",
  "世界制造业大会",
  "啊".repeat(100),
];

type Jieba = { cut(text: string, hmm: boolean): string[] };
function loadJieba(): Jieba | null {
  try {
    const require = createRequire(`${process.env.NODE_PATH ?? process.cwd()}/`);
    const { Jieba } = require("@node-rs/jieba") as { Jieba: { withDict(d: Uint8Array): Jieba } };
    const { dict } = require("@node-rs/jieba/dict.js") as { dict: Uint8Array };
    return Jieba.withDict(dict);
  } catch {
    return null;
  }
}

function corpus(): string[] {
  const texts = [bodyToText(blocksToHtml(wmc2023Blocks))];
  for (const file of fs.readdirSync("tests/fixtures/import").filter((f) => f.endsWith(".txt")))
    texts.push(fs.readFileSync(`tests/fixtures/import/${file}`, "utf8"));
  return texts
    .flatMap((t) => t.split(/[。\n]/))
    .map((s) => s.trim())
    .filter((s) => s.length > 6);
}

function generate(n: number) {
  const sentences = corpus();
  let seed = 42;
  const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
  // Numbers changed in half the sentences, so a figure such as 3425亿 is in some releases, not all.
  const pick = () => {
    const sentence = sentences[rand(sentences.length)];
    return rand(2) ? sentence : sentence.replace(/\d+/g, () => String(rand(5000)));
  };
  return Array.from({ length: n }, (_, i) => {
    const title = pick().slice(0, 30);
    const summary = `${pick()}。${pick()}。`;
    const figures = Array.from({ length: 12 }, () => wmc2023Figures[rand(wmc2023Figures.length)])
      .map((f) => `${f.label} ${rand(2) ? f.value : rand(9000)}${f.unit}`)
      .join("；");
    const body = Array.from({ length: 25 }, pick).join("。");
    return {
      id: i + 1,
      title,
      summary,
      figures,
      body,
      publishAt: new Date(Date.UTC(2019, 0, 1) + i * 3_600_000),
    };
  });
}

const positional = (text: string) => {
  // Pairs with their positions: a phrase query then means an exact substring.
  const entries = new Map<string, number[]>();
  let position = 1;
  for (const run of tokenRuns(normaliseForSearch(text))) {
    const lexemes = run.cjk ? cjkLexemes(run.text) : [run.text];
    lexemes.forEach((lexeme, i) => {
      if (position + i > 16383) return;
      const list = entries.get(lexeme) ?? [];
      if (list.length < 255) list.push(position + i);
      entries.set(lexeme, list);
    });
    position += lexemes.length + 1;
  }
  return [...entries].map(([l, p]) => `${quoteLexeme(l)}:${p.join(",")}`).join(" ");
};

const phraseQuery = (q: string) =>
  tokenRuns(normaliseForSearch(q))
    .map((run) =>
      run.cjk && Array.from(run.text).length > 1
        ? `(${cjkLexemes(run.text).slice(0, -1).map(quoteLexeme).join(" <-> ")})`
        : run.cjk
          ? `${quoteLexeme(run.text)}:*`
          : quoteLexeme(run.text),
    )
    .join(" & ");

async function explainMs(client: pg.Client, sql: string, params: unknown[]) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    runs.push((rows[0]["QUERY PLAN"] as Array<{ "Execution Time": number }>)[0]["Execution Time"]);
  }
  return runs.sort((a, b) => a - b)[2];
}

runCli(async () => {
  const server = await connectDatabase();
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  const jieba = loadJieba();
  const docs = generate(N);
  const results: string[] = [];
  try {
    for (const [name, locale] of [
      ["search_design_c", "C"],
      ["search_design_cutf8", "C.UTF-8"],
    ] as const) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE '${locale}' LOCALE_PROVIDER libc`,
      );
    }
    const url = (name: string) =>
      Object.assign(new URL(server.serverUrl), { pathname: `/${name}` }).toString();
    const c = new pg.Client({ connectionString: url("search_design_c") });
    const utf8 = new pg.Client({ connectionString: url("search_design_cutf8") });
    await c.connect();
    await utf8.connect();
    await utf8.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const trgmC = (await c.query("SELECT show_trgm('签约项目') AS t")).rows[0].t as string[];
    const trgmUtf8 = (await utf8.query("SELECT show_trgm('签约项目') AS t")).rows[0].t as string[];
    results.push(
      `show_trgm('签约项目'): ${trgmC.length} trigrams in the C database, ${trgmUtf8.length} in C.UTF-8`,
    );

    for (const db of [c, utf8])
      await db.query(
        `CREATE TABLE doc (id int PRIMARY KEY, publish_at timestamptz, text text, pairs tsvector, pairs_pos tsvector, words tsvector)`,
      );
    const prep = { pairs: 0, pos: 0, words: 0 };
    for (let i = 0; i < docs.length; i += 250) {
      const batch = docs.slice(i, i + 250).map((d) => {
        const text = `${d.title}\n${d.summary}\n${d.figures}\n${d.body}`;
        let t = performance.now();
        const pairs = tsvectorLiteral(documentLexemes(normaliseForSearch(text)));
        prep.pairs += performance.now() - t;
        t = performance.now();
        const pos = positional(text);
        prep.pos += performance.now() - t;
        t = performance.now();
        const words = jieba
          ? tsvectorLiteral(
              new Set(
                jieba
                  .cut(normaliseForSearch(text), true)
                  .map((w) => w.trim())
                  .filter(Boolean),
              ),
            )
          : "";
        prep.words += performance.now() - t;
        return [d.id, d.publishAt, text, pairs, pos, words];
      });
      const values = batch.map(
        (_, k) =>
          `($${k * 6 + 1}, $${k * 6 + 2}, $${k * 6 + 3}, $${k * 6 + 4}::tsvector, $${k * 6 + 5}::tsvector, $${k * 6 + 6}::tsvector)`,
      );
      for (const db of [c, utf8]) await db.query(`INSERT INTO doc VALUES ${values.join(",")}`, batch.flat());
    }
    const indexes: Record<string, string> = {
      A: "CREATE INDEX doc_pairs ON doc USING gin (pairs)",
      B: "CREATE INDEX doc_pairs_pos ON doc USING gin (pairs_pos)",
      C: "CREATE INDEX doc_words ON doc USING gin (words)",
      D: "CREATE INDEX doc_trgm ON doc USING gin (text gin_trgm_ops)",
    };
    const built: Record<string, string> = {};
    for (const [variant, sql] of Object.entries(indexes)) {
      const db = variant === "D" ? utf8 : c;
      const t = performance.now();
      await db.query(sql);
      const ms = performance.now() - t;
      const name = sql.split(" ")[2];
      const size = (await db.query(`SELECT pg_relation_size('${name}') AS s`)).rows[0].s as string;
      built[variant] = `${(Number(size) / 1024 / 1024).toFixed(1)} MB, built in ${(ms / 1000).toFixed(1)} s`;
    }
    for (const db of [c, utf8]) await db.query("VACUUM ANALYZE doc");
    results.push(
      `Node preparation per document: pairs ${(prep.pairs / N).toFixed(2)} ms, pairs with positions ${(prep.pos / N).toFixed(2)} ms` +
        (jieba ? `, jieba ${(prep.words / N).toFixed(2)} ms` : ", jieba not installed"),
    );
    results.push(
      `Indexes: ${Object.entries(built)
        .map(([v, s]) => `${v} ${s}`)
        .join("; ")}`,
    );
    results.push(
      "",
      "| query | truth | A pairs (matches, ms) | B phrase | C jieba | D pg_trgm C.UTF-8 |",
      "|---|---:|---|---|---|---|",
    );
    for (const q of QUERIES) {
      const parts = q.split(" ");
      const ilike = parts.map((_, k) => `text ILIKE $${k + 1}`).join(" AND ");
      const likeParams = parts.map((p) => `%${p.replace(/[\\%_]/g, "\\$&")}%`);
      const truth = Number(
        (await utf8.query(`SELECT count(*) FROM doc WHERE ${ilike}`, likeParams)).rows[0].count,
      );
      const newest = (where: string) => `SELECT id FROM doc WHERE ${where} ORDER BY publish_at DESC LIMIT 20`;
      const count = async (db: pg.Client, where: string, params: unknown[]) =>
        Number((await db.query(`SELECT count(*) FROM doc WHERE ${where}`, params)).rows[0].count);
      const cell = async (db: pg.Client, where: string, params: unknown[]) =>
        `${await count(db, where, params)}, ${(await explainMs(db, newest(where), params)).toFixed(1)}`;
      const a = parseQuery(q).tsquery;
      const b = phraseQuery(q);
      const words = jieba
        ? [
            ...new Set(
              jieba
                .cut(normaliseForSearch(q), true)
                .map((w) => w.trim())
                .filter(Boolean),
            ),
          ]
        : [];
      results.push(
        `| ${q.length > 12 ? `${q[0]} × ${q.length}` : q} | ${truth} | ${a ? await cell(c, "pairs @@ $1::tsquery", [a]) : "-"} | ${b ? await cell(c, "pairs_pos @@ $1::tsquery", [b]) : "-"} | ${
          words.length ? await cell(c, "words @@ $1::tsquery", [words.map(quoteLexeme).join(" & ")]) : "-"
        } | ${await cell(utf8, ilike, likeParams)} |`,
      );
    }
    await c.end();
    await utf8.end();
    for (const name of ["search_design_c", "search_design_cutf8"])
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
    await server.stop();
  }
  console.log(
    `${N} generated releases (about ${Math.round(docs.reduce((s, d) => s + d.body.length, 0) / N)} characters of body each, 50 figures)`,
  );
  console.log(results.join("\n"));
});
