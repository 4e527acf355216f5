import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/content/escape-html";
import { cacheKeyOf } from "@/lib/http/response-cache";
import { publicPathExists } from "@/lib/releases/public-index";
import { normaliseForSearch } from "@/lib/search/normalise-text";
import { buildSearchDocument } from "@/lib/search/search-document";
import {
  decodeCursor,
  encodeCursor,
  MAX_SEARCH_OFFSET,
  parseQuery,
  searchInputSchema,
  searchTextSchema,
} from "@/lib/search/search-query";
import {
  SNIPPET_SCAN_LENGTH,
  snippetHtml,
  snippetParts,
  snippetPartsOf,
  snippetSource,
} from "@/lib/search/snippet";
import { createRandom } from "@/lib/seed/synthetic/prng";
import { documentLexemes } from "@/lib/search/tokenise";

const lexemes = (text: string) => [...documentLexemes(normaliseForSearch(text))];
const marked = (parts: ReturnType<typeof snippetParts>) =>
  parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join("");

describe("query normalisation", () => {
  it("turns traditional into simplified, full width into ASCII and upper into lower case, keeping the length", () => {
    for (const [input, output] of [
      ["簽約項目", "签约项目"],
      ["３４２５億元", "3425亿元"],
      ["ＷＭＣ 2023", "wmc 2023"],
      ["世界製造業大會", "世界制造业大会"],
    ]) {
      expect(normaliseForSearch(input)).toBe(output);
      expect(normaliseForSearch(input).length).toBe(input.length);
    }
  });

  it("accepts 1 to 100 characters and refuses empty input, longer input and control characters", () => {
    expect(searchTextSchema.parse("  签约项目  ")).toBe("签约项目");
    expect(searchTextSchema.parse("2023   投资")).toBe("2023 投资");
    expect(searchTextSchema.parse("啊".repeat(100))).toBe("啊".repeat(100));
    // Characters, not UTF-16 units: 100 characters outside the BMP are still 100.
    expect(searchTextSchema.safeParse("𠀀".repeat(100)).success).toBe(true);
    for (const bad of [
      "",
      "   ",
      "啊".repeat(101),
      "a".repeat(101),
      "签约\u0000",
      "签约\n项目",
      "\u202e签约",
      "a\u007fb",
      "\u200b",
    ])
      expect(searchTextSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(searchTextSchema.safeParse("").error?.issues[0].message).toBe("请输入搜索词");
    expect(searchTextSchema.safeParse("啊".repeat(101)).error?.issues[0].message).toBe(
      "搜索词不能超过 100 个字",
    );
    expect(searchTextSchema.safeParse("a\u0007").error?.issues[0].message).toBe("搜索词不能包含控制字符");
  });
});

describe("tokenising", () => {
  it("splits Chinese into its characters and overlapping pairs, and keeps words and decimals whole", () => {
    expect(lexemes("签约项目")).toEqual(["签", "约", "项", "目", "签约", "约项", "项目"]);
    expect(lexemes("会")).toEqual(["会"]);
    expect(lexemes("2023大会WMC")).toEqual(["2023", "大", "会", "大会", "wmc"]);
    expect(lexemes("1.6万名, v2")).toEqual(["1.6", "万", "名", "万名", "v2"]);
    expect(lexemes("%_\\*()|&!:<->")).toEqual([]);
  });

  it("makes the query's lexemes from the same rules: pairs for Chinese, one character as itself", () => {
    expect(parseQuery("签约项目")).toEqual({ terms: ["签约项目"], tsquery: "'签约' & '约项' & '项目'" });
    expect(parseQuery("簽約項目")).toEqual(parseQuery("签约项目"));
    expect(parseQuery("3425亿")).toEqual({ terms: ["3425亿", "3425", "亿"], tsquery: "'3425' & '亿'" });
    expect(parseQuery("2023 投资")).toEqual({ terms: ["2023", "投资"], tsquery: "'2023' & '投资'" });
    expect(parseQuery("WMC").tsquery).toBe("'wmc'");
  });

  it("never lets hostile input reach the tsquery syntax", () => {
    for (const hostile of ["%", "_", "\\", "%%%", "\\\\'", "'", ":*", "!", "&|", "<->", "(", "*"])
      expect(parseQuery(hostile), hostile).toEqual({ terms: [], tsquery: null });
    expect(parseQuery("' OR 1=1 --").tsquery).toBe("'or' & '1'");
    expect(parseQuery("a:* & b | !c <-> d").tsquery).toBe("'a' & 'b' & 'c' & 'd'");
    expect(parseQuery(".*(签约|项目)+$").tsquery).toBe("'签约' & '项目'");
    expect(parseQuery("[^a-z]{1,100}").tsquery).toBe("'a' & 'z' & '1' & '100'");
    // 100 times one character: one lexeme, not 99.
    expect(parseQuery("啊".repeat(100)).tsquery).toBe("'啊啊'");
    expect(parseQuery("a".repeat(100)).tsquery).toBe(`'${"a".repeat(40)}'`);
    expect(parseQuery("签约%项目").tsquery).toBe("'签约' & '项目'");
  });
});

describe("cursors", () => {
  it("round-trips the offsets this server hands out and refuses anything else", () => {
    expect(decodeCursor(encodeCursor(20))).toBe(20);
    expect(decodeCursor(encodeCursor(MAX_SEARCH_OFFSET))).toBe(MAX_SEARCH_OFFSET);
    const forged = [
      encodeCursor(0),
      encodeCursor(MAX_SEARCH_OFFSET + 1),
      Buffer.from("o-5").toString("base64url"),
      Buffer.from("o20 ").toString("base64url"),
      Buffer.from("2023-09-28|x").toString("base64url"),
      `${encodeCursor(20)}==`,
      "o20",
      "%%%",
      "A".repeat(1000),
      "",
    ];
    for (const cursor of forged) expect(decodeCursor(cursor), cursor).toBeNull();
    expect(searchInputSchema.safeParse({ q: "签约", cursor: "bogus" }).error?.issues[0].message).toBe(
      "分页游标无效",
    );
    expect(searchInputSchema.parse({ q: "签约", cursor: encodeCursor(40) })).toMatchObject({
      cursor: 40,
      limit: 20,
    });
    expect(searchInputSchema.safeParse({ q: "签约", limit: "51" }).success).toBe(false);
    expect(searchInputSchema.safeParse({ q: "签约", category: "../x" }).success).toBe(false);
    expect(searchInputSchema.safeParse({ q: "签约", lang: "fr" }).success).toBe(false);
    expect(searchInputSchema.safeParse({ q: "签约", year: "20a3" }).success).toBe(false);
  });
});

describe("snippets", () => {
  it("opens at the longest term and marks every term, matching across scripts", () => {
    const text = "总投资额3060亿元。共促成合作签约项目587个，投资总额3425亿元。";
    const { terms } = parseQuery("3425亿");
    expect(marked(snippetParts(text, terms))).toBe(
      "总投资额3060[亿]元。共促成合作签约项目587个，投资总额[3425亿]元。",
    );
    // A traditional text found by a simplified query: the marks are on the original characters.
    expect(marked(snippetParts("共促成合作簽約項目587個", parseQuery("签约项目").terms))).toBe(
      "共促成合作[簽約項目]587個",
    );
  });

  it("cuts a long text around the hit with ellipses", () => {
    const text = `${"前文".repeat(200)}签约项目${"后文".repeat(200)}`;
    const parts = snippetParts(text, ["签约项目"], 60);
    const joined = marked(parts);
    expect(joined.startsWith("…")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(joined).toContain("[签约项目]");
    expect(joined.length).toBeLessThanOrEqual(60 + 4);
  });

  it("escapes hostile text before marking: only <mark> ever comes out as markup", () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(1)>签约项目 "quoted" & 'single' <mark>x</mark>`;
    for (const query of ["签约项目", "script", "mark", "img", "alert"]) {
      const html = snippetHtml(snippetParts(hostile, parseQuery(query).terms, 200));
      const tags = html.match(/<[^>]*>/g) ?? [];
      expect(
        tags.every((tag) => tag === "<mark>" || tag === "</mark>"),
        html,
      ).toBe(true);
      // Without the marks and ellipses: a piece of the text, escaped.
      expect(escapeHtml(hostile)).toContain(html.replace(/<\/?mark>|…/g, ""));
    }
    expect(snippetHtml(snippetParts(hostile, ["签约项目"], 200))).toContain("<mark>签约项目</mark>");
  });

  it("shows the opening of the text when nothing matches, and stays bounded on a maximal text", () => {
    expect(marked(snippetParts("一二三四五", ["六"], 3))).toBe("一二三…");
    const huge = "啊".repeat(400_000);
    const started = performance.now();
    const parts = snippetParts(huge, parseQuery("啊".repeat(100)).terms);
    expect(parts.some((p) => p.hit)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("prepared snippet sources", () => {
  // The snippet as it was cut before sources were prepared: characters compared one by one.
  function referenceSnippet(text: string, terms: string[], length = 120) {
    const original = Array.from(text.slice(0, SNIPPET_SCAN_LENGTH).replace(/\s+/g, " ").trim());
    const normal = Array.from(normaliseForSearch(original.join("")));
    const haystack = normal.length === original.length ? normal : original;
    const needles = [...new Set(terms.map((t) => Array.from(t)).filter((t) => t.length > 0))].sort(
      (a, b) => b.length - a.length,
    );
    const matchAt = (i: number) =>
      needles.find((needle) => needle.every((c, k) => haystack[i + k] === c))?.length ?? 0;
    const occurs = (needle: string[]) => {
      for (let i = 0; i + needle.length <= haystack.length; i++)
        if (needle.every((c, k) => haystack[i + k] === c)) return i;
      return -1;
    };
    let first = -1;
    for (const needle of needles) if ((first = occurs(needle)) >= 0) break;
    const start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3));
    const end = Math.min(original.length, start + length);
    const parts: Array<{ text: string; hit: boolean }> = [];
    const push = (chars: string[], hit: boolean) => {
      if (!chars.length) return;
      const last = parts[parts.length - 1];
      if (last && last.hit === hit) last.text += chars.join("");
      else parts.push({ text: chars.join(""), hit });
    };
    if (start > 0) push(["…"], false);
    for (let i = start; i < end;) {
      const hit = Math.min(matchAt(i), end - i);
      push(hit ? original.slice(i, i + hit) : [original[i]], hit > 0);
      i += hit || 1;
    }
    if (end < original.length) push(["…"], false);
    return parts;
  }

  it("give the same snippets as cutting the text itself, on random texts with every kind of character", () => {
    const random = createRandom(7);
    // 㗲→𠵾 and 𠗣→㓆: opencc changes their number of code units (toSimplified keeps them as they are).
    const alphabet = Array.from("签约项目簽約項目会會投资資亿億 \n\tAaＡ１1😀𠀀İ，。㗲𠗣𠵾㓆");
    const pick = (n: number) => Array.from({ length: n }, () => random.pick(alphabet)).join("");
    for (let round = 0; round < 500; round++) {
      const text = pick(random.int(0, 400));
      const terms = Array.from({ length: random.int(1, 3) }, () => pick(random.int(1, 3)));
      // Half-characters too: a term may hold one half of a surrogate pair.
      if (round % 10 === 0) terms.push("\uD83D", "\uDE00");
      const length = random.int(5, 150);
      expect(snippetPartsOf(snippetSource(text), terms, length), `${text} / ${terms.join("|")}`).toEqual(
        referenceSnippet(text, terms, length),
      );
    }
  });

  it("never cut a character in two, where opencc would change a character's number of code units", () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const text of ["𠗣㗲", "㗲𠗣", "正文𠗣㗲签约项目㗲𠗣"])
      for (const terms of [["㓆"], ["𠵾"], ["𠗣"], ["签约项目", "㗲"]]) {
        const parts = snippetPartsOf(snippetSource(text), terms);
        for (const part of parts) expect(part.text, `${text} / ${terms}`).not.toMatch(lone);
        expect(parts.map((p) => p.text).join("")).toBe(text);
      }
    expect(snippetPartsOf(snippetSource("𠗣㗲"), ["𠗣"])).toEqual([
      { text: "𠗣", hit: true },
      { text: "㗲", hit: false },
    ]);
  });

  it("are the first SNIPPET_SCAN_LENGTH characters of the text, whitespace collapsed, with a normalised twin of the same length", () => {
    const document = buildSearchDocument({
      slug: "x",
      title: "标题",
      summary: "  共促成  合作簽約項目\n587個 ",
      body: `<p>開幕式</p>\n<p>${"正文".repeat(SNIPPET_SCAN_LENGTH)}</p>`,
      tags: [],
      figures: [
        {
          label: "簽約項目",
          value: "587",
          unit: "个",
          unitScale: "1",
          qualifier: "exact",
          qualifierWord: null,
          mention: "587個",
        },
        {
          label: "投资总额",
          value: "3425",
          unit: "亿元",
          unitScale: "100000000",
          qualifier: "exact",
          qualifierWord: null,
          mention: null,
        },
      ],
    });
    const { body, summary, figures } = document.snippets;
    expect(summary).toEqual({ text: "共促成 合作簽約項目 587個", normal: "共促成 合作签约项目 587个" });
    expect(figures).toEqual({ text: "簽約項目 587個；投资总额", normal: "签约项目 587个;投资总额" });
    expect(Array.from(body.text)).toHaveLength(SNIPPET_SCAN_LENGTH);
    expect(body.text.startsWith("開幕式 正文正文")).toBe(true);
    expect(body.normal.startsWith("开幕式 正文正文")).toBe(true);
    expect(body.normal.length).toBe(body.text.length);
  });
});

describe("search documents", () => {
  it("index a figure as written, as its base digits and by its mention", () => {
    const { vectors } = buildSearchDocument({
      slug: "wmc-2023-results",
      title: "2023世界制造业大会创多项历届之“最”",
      summary: "共促成合作签约项目587个",
      body: "<p>投资总额<b>3425亿元</b></p>",
      tags: ["成果发布"],
      figures: [
        {
          label: "投资总额",
          value: "3425",
          unit: "亿元",
          unitScale: "100000000",
          qualifier: "exact",
          qualifierWord: null,
          mention: "3425亿元",
        },
      ],
    });
    expect(vectors.figures).toBe(
      "'投' '资' '总' '额' '投资' '资总' '总额' '3425' '亿' '元' '亿元' '342500000000'",
    );
    expect(vectors.title.split(" ")).toContain("'2023'");
    for (const lexeme of ["'wmc'", "'results'", "'成果'", "'签约'", "'3425'", "'342500000000'"])
      expect(vectors.all.split(" ")).toContain(lexeme);
  });
});

describe("search addresses", () => {
  it("are never response-cache keys with a query, and the proxy's index never refuses them", () => {
    for (const url of [
      "/search?q=签约",
      "/api/search?q=x",
      "/api/search?q=x&cursor=bzIw",
      "/search?q=x&category=anhui",
    ])
      expect(cacheKeyOf(url), url).toBeNull();
    const index = {
      releases: new Set<string>(),
      englishReleases: new Set<string>(),
      englishReleaseCount: 0,
      categories: new Map<string, number>(),
      englishCategories: new Map<string, number>(),
      releaseCount: 0,
      editionYears: new Set<string>(),
      figureKeys: new Set<string>(),
      loadedAt: 0,
    };
    expect(publicPathExists("/search", index)).toBe(true);
    expect(publicPathExists("/api/search", index)).toBe(true);
  });
});
