import { describe, expect, it } from "vitest";
import { BODY_LIMIT } from "../fixtures/hostile-bodies";
import { checkBodyLinks, UNLINKED_LIST_LIMIT } from "@/lib/figures/checks/body-links";
import { checkParts, checkShares } from "@/lib/figures/checks/consistency";
import { addDecimals, lastDigitStep, percentOf, subtractDecimal } from "@/lib/figures/checks/exact-math";
import { boundsOf } from "@/lib/figures/checks/figure-bounds";
import { checkRecordClaims } from "@/lib/figures/checks/record-claims";
import type { CheckFigure, EarlierValue } from "@/lib/figures/checks/types";
import { figureRow } from "@/lib/figures/figure-row";
import type { FigureQualifier } from "@/lib/generated/prisma/enums";
import { seedFigureToRow } from "@/lib/seed/seed-figure";
import { blocksToHtml } from "@/lib/seed/seed-release-body";
import { wmc2023Blocks } from "@/prisma/seed-data/wmc-2023-blocks";
import { wmc2023Figures } from "@/prisma/seed-data/wmc-2023-figures";

const seedFigures: CheckFigure[] = wmc2023Figures.map((f, i) => seedFigureToRow(f, i));
const seedBody = blocksToHtml(wmc2023Blocks);
const byKey = (figures: CheckFigure[], key: string) => figures.find((f) => f.key === key)!;
/** The seed's figures with one changed (a broken copy). */
const changed = (key: string, patch: Partial<CheckFigure>) =>
  seedFigures.map((f) => (f.key === key ? { ...f, ...patch } : f));

function figure(over: Partial<CheckFigure> & { value: string; unit: string }): CheckFigure {
  const row = figureRow({
    key: over.key ?? "exhibitors",
    label: over.label ?? "参展企业",
    value: over.value,
    unit: over.unit,
    qualifier: over.qualifier ?? "exact",
    qualifierWord: over.qualifierWord ?? null,
    partOfKey: over.partOfKey ?? null,
    section: null,
    highlighted: false,
    isRecord: over.isRecord ?? true,
    recordNote: over.recordNote ?? "创历届之最",
    sourceText: null,
    mention: over.mention ?? null,
  });
  return { ...row, ...over, unitScale: row.unitScale, baseUnit: row.baseUnit };
}

function earlier(
  year: number,
  value: string,
  unit: string,
  qualifier: FigureQualifier = "exact",
): EarlierValue {
  const row = figureRow({
    key: "k",
    label: "k",
    value,
    unit,
    qualifier,
    qualifierWord: null,
    partOfKey: null,
    section: null,
    highlighted: false,
    isRecord: false,
    recordNote: null,
    sourceText: null,
    mention: null,
  });
  return {
    year,
    value: row.value,
    unit: row.unit,
    unitScale: row.unitScale,
    baseUnit: row.baseUnit,
    qualifier,
    qualifierWord: null,
  };
}

const claim = (f: CheckFigure, values: EarlierValue[], higherIsBetter = true) =>
  checkRecordClaims([f], { higherIsBetter: { [f.key]: higherIsBetter }, earlier: { [f.key]: values } })[0];

describe("exact arithmetic for the checks", () => {
  it("adds, subtracts and takes ratios without floating point", () => {
    expect(addDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(addDecimals(["1", "6", "11", "21", "21"])).toBe("60");
    expect(subtractDecimal("1.6", "0.16")).toBe("1.44");
    expect(percentOf("534", "587")).toBe("91");
    expect(percentOf("3060", "3425")).toBe("89.3");
    expect(percentOf("1", "3")).toBe("33.3");
    expect(percentOf("2", "3")).toBe("66.7");
  });
  it("reads the precision of 余/多 from the last non-zero digit", () => {
    expect(lastDigitStep("4500")).toBe("100");
    expect(lastDigitStep("100000")).toBe("100000");
    expect(lastDigitStep("150")).toBe("10");
    expect(lastDigitStep("1.5")).toBe("0.1");
  });
  it("turns qualifiers into ranges", () => {
    expect(boundsOf({ value: "4500", unitScale: "1", qualifier: "more_than" })).toMatchObject({
      low: "4500",
      high: "4600",
      lowOpen: true,
    });
    expect(boundsOf({ value: "1.6", unitScale: "10000", qualifier: "exact" })).toMatchObject({
      low: "16000",
      high: "16000",
    });
    expect(boundsOf({ value: "1000", unitScale: "10000", qualifier: "nearly" })).toMatchObject({
      low: "9000000",
      high: "10000000",
      highOpen: true,
    });
    expect(boundsOf({ value: "4.8", unitScale: "10000", qualifier: "about" })).toMatchObject({
      low: "43200",
      high: "52800",
    });
  });
});

describe("record claims", () => {
  const exhibitors = figure({ value: "974", unit: "家" });

  it("checked: higher than every earlier edition, naming the best one", () => {
    const result = claim(exhibitors, [earlier(2019, "638", "家"), earlier(2021, "500", "家")]);
    expect(result.state).toBe("checked");
    expect(result.message).toBe("高于历届：2019 年 638家");
    expect(result.comparisons.map((c) => c.outcome)).toEqual(["beaten", "beaten"]);
  });

  it("contradicted: an earlier edition was higher, or the same", () => {
    const result = claim(exhibitors, [earlier(2019, "800", "家"), earlier(2021, "1000", "家")]);
    expect(result.state).toBe("contradicted");
    expect(result.message).toBe("与往届不符：2021 年为 1000家，高于本届（本届 974家）");
    const tie = claim(exhibitors, [earlier(2021, "974", "家")]);
    expect(tie.state).toBe("contradicted");
    expect(tie.message).toContain("2021 年为 974家，与本届持平");
  });

  it("uncheckable: no earlier value, or one in another unit", () => {
    expect(claim(exhibitors, []).message).toBe("无法核对：往届没有“参展企业”的已公开数据");
    expect(claim(exhibitors, [earlier(2019, "3", "亿元")]).state).toBe("uncheckable");
  });

  it("compares by base value: 1.6万 against 9800 and against 2万", () => {
    const guests = figure({ key: "guests", label: "嘉宾", value: "1.6", unit: "万名" });
    expect(claim(guests, [earlier(2019, "9800", "名")]).state).toBe("checked");
    expect(claim(guests, [earlier(2019, "2", "万名")]).message).toBe(
      "与往届不符：2019 年为 2万名，高于本届（本届 1.6万名）",
    );
  });

  it("4500多 against 1.6万 is a comparison of lower bounds, and says so", () => {
    const guests = figure({ key: "guests", label: "嘉宾", value: "1.6", unit: "万名" });
    const result = claim(guests, [earlier(2019, "4500", "名", "more_than")]);
    expect(result.state).toBe("checked");
    expect(result.message).toBe("高于历届：2019 年 4500余名（含“余/多/超”的数按下限比较）");
    // The other way round the lower bound is what the earlier edition surely reached.
    const small = figure({ key: "guests", label: "嘉宾", value: "4500", unit: "名", qualifier: "more_than" });
    expect(claim(small, [earlier(2019, "1.6", "万名")]).state).toBe("contradicted");
  });

  it("over 10万 beats exactly 10万 but cannot be told from over 10万 or 12万", () => {
    const peak = figure({ key: "peak", label: "单日观展", value: "10", unit: "万人次", qualifier: "over" });
    expect(claim(peak, [earlier(2021, "10", "万人次")]).state).toBe("checked");
    expect(claim(peak, [earlier(2021, "10", "万人次", "over")]).state).toBe("uncheckable");
    const against12 = claim(peak, [earlier(2021, "12", "万人次")]);
    expect(against12.state).toBe("uncheckable");
    expect(against12.message).toContain("无法严格比较");
    // 超9.8万 is below 9.9万 by the text's own precision.
    expect(claim(peak, [earlier(2021, "9.8", "万人次", "over")]).state).toBe("checked");
    expect(claim(peak, [earlier(2021, "25", "万人次")]).state).toBe("contradicted");
  });

  it("about: 约数，无法严格比较 unless the gap is more than a tenth", () => {
    const coverage = figure({
      key: "coverage",
      label: "报道总量",
      value: "4.8",
      unit: "万篇(条)",
      qualifier: "about",
    });
    const close = claim(coverage, [earlier(2021, "4.5", "万篇(条)")]);
    expect(close.state).toBe("uncheckable");
    expect(close.message).toBe("无法核对：2021 年为 4.5万篇(条)，约数，无法严格比较");
    expect(claim(coverage, [earlier(2021, "3", "万篇(条)")]).state).toBe("checked");
    expect(claim(coverage, [earlier(2021, "6", "万篇(条)")]).state).toBe("contradicted");
  });

  it("nearly: 近1000万 is below 1000万 and above 900万", () => {
    const plays = figure({ key: "plays", label: "播放量", value: "1000", unit: "万次", qualifier: "nearly" });
    expect(claim(plays, [earlier(2021, "1000", "万次")]).state).toBe("contradicted");
    expect(claim(plays, [earlier(2021, "800", "万次")]).state).toBe("checked");
    expect(claim(plays, [earlier(2021, "950", "万次")]).state).toBe("uncheckable");
  });

  it("lower is better: a record means the lowest", () => {
    const cost = figure({ key: "cost", label: "单位能耗", value: "3.2", unit: "吨" });
    expect(claim(cost, [earlier(2019, "4", "吨"), earlier(2021, "3.5", "吨")], false).message).toBe(
      "低于历届：2021 年 3.5吨",
    );
    expect(claim(cost, [earlier(2019, "3", "吨")], false).message).toBe(
      "与往届不符：2019 年为 3吨，低于本届（本届 3.2吨）",
    );
  });

  it("only figures marked as records are claims", () => {
    expect(checkRecordClaims(seedFigures, { higherIsBetter: {}, earlier: {} }).map((c) => c.key)).toEqual(
      seedFigures.filter((f) => f.isRecord).map((f) => f.key),
    );
  });
});

describe("parts and sums (seed: 1+6+11+21+21 = 60)", () => {
  it("the seed's parts add up to its 60 events", () => {
    const sums = checkParts(seedFigures).filter((r) => r.rule === "parts_sum");
    expect(sums).toEqual([
      expect.objectContaining({
        level: "ok",
        message: "各部分之和与总数相符：1场 + 6场 + 11场 + 21场 + 21场 = 60（各类活动 60场次）",
      }),
    ]);
    expect(checkParts(seedFigures).filter((r) => r.level !== "ok")).toEqual([]);
  });

  it("a broken copy: 21 forums become 22, the sum no longer matches", () => {
    const broken = checkParts(changed("forums", { value: "22" }));
    expect(broken).toContainEqual(
      expect.objectContaining({
        rule: "parts_sum",
        level: "error",
        message: "各部分之和与总数不符：1场 + 6场 + 11场 + 22场 + 21场 = 61，而“各类活动”为 60场次",
      }),
    );
  });

  it("a part larger than its whole is an error", () => {
    const results = checkParts(changed("manufacturing_projects", { value: "600" }));
    expect(results).toContainEqual(
      expect.objectContaining({
        rule: "part_of_whole",
        level: "error",
        message: "部分大于整体：“制造业项目” 600个 大于“合作签约项目” 587个",
      }),
    );
  });

  it("a part of a whole that is not in the release, or in another unit, is flagged", () => {
    expect(checkParts(changed("forums", { partOfKey: "nothing_here" }))[0]).toMatchObject({
      level: "warning",
      message: "“论坛活动”所属的数据“nothing_here”不在本稿中，无法核对",
    });
    expect(checkParts(changed("manufacturing_investment", { partOfKey: "signed_projects" }))).toContainEqual(
      expect.objectContaining({ level: "warning", keys: ["manufacturing_investment", "signed_projects"] }),
    );
  });

  it("parts that are not said to be complete may sum to less, and are warned when they sum to more", () => {
    const whole = figure({ key: "w", label: "整体", value: "10", unit: "个", isRecord: false });
    const part = (key: string, value: string) =>
      figure({ key, label: key, value, unit: "个", partOfKey: "w", isRecord: false });
    expect(checkParts([whole, part("a", "3"), part("b", "4")])).toEqual([]);
    expect(checkParts([whole, part("a", "6"), part("b", "5")])[0]).toMatchObject({
      rule: "parts_sum",
      level: "warning",
    });
    expect(checkParts([{ ...whole, partsComplete: true }, part("a", "3"), part("b", "4")])[0]).toMatchObject({
      level: "error",
    });
    // "7余个" parts of "约10个": ranges that overlap are consistent.
    expect(
      checkParts([
        { ...whole, partsComplete: true, qualifier: "about" },
        part("a", "3"),
        { ...part("b", "6"), qualifier: "more_than" },
      ])[0],
    ).toMatchObject({ level: "ok" });
  });
});

describe("stated shares (seed: 534/587 is 91%, 3060/3425 is 89%)", () => {
  it("the seed's shares agree with the ratios", () => {
    expect(checkShares(seedFigures)).toEqual([
      expect.objectContaining({ level: "ok", message: "占比相符：534个 ÷ 587个 = 91%（写 91%）" }),
      expect.objectContaining({ level: "ok", message: "占比相符：3060亿元 ÷ 3425亿元 = 89.3%（写 89%）" }),
    ]);
  });

  it("a share off by more than one point is an error; exactly one point is not", () => {
    const off = checkShares(changed("manufacturing_project_share", { value: "93" }));
    expect(off[0]).toMatchObject({
      level: "error",
      message: "占比不符：“制造业项目数占比”写 93%，而 534个 ÷ 587个 = 91%，相差超过 1 个百分点",
    });
    // 534/587 = 90.97…%: 90 is 0.97 off (fine), 89.9 is 1.07 off (flagged).
    expect(checkShares(changed("manufacturing_project_share", { value: "90" }))[0].level).toBe("ok");
    expect(checkShares(changed("manufacturing_project_share", { value: "89.9" }))[0].level).toBe("error");
    // Exactly one point from the ratio: 3/4 = 75%, stated 76%.
    const whole = figure({ key: "w", label: "整体", value: "4", unit: "个", isRecord: false });
    const part = figure({ key: "p", label: "部分", value: "3", unit: "个", partOfKey: "w", isRecord: false });
    const share = (value: string) =>
      figure({ key: "s", label: "占比", value, unit: "%", shareOfKey: "p", isRecord: false });
    expect(checkShares([whole, part, share("76")])[0].level).toBe("ok");
    expect(checkShares([whole, part, share("76.01")])[0].level).toBe("error");
  });

  it("a share of a changed whole: 534 of 700 is 76.3%, not 91%", () => {
    expect(checkShares(changed("signed_projects", { value: "700" }))[0].message).toBe(
      "占比不符：“制造业项目数占比”写 91%，而 534个 ÷ 700个 = 76.3%，相差超过 1 个百分点",
    );
  });

  it("a share that cannot be checked says why", () => {
    expect(checkShares(changed("manufacturing_projects", { partOfKey: null }))[0]).toMatchObject({
      level: "warning",
      message: "“制造业项目”没有注明所属的整体数据，无法核对“制造业项目数占比”",
    });
    expect(checkShares(changed("signed_projects", { value: "0" }))[0].message).toBe(
      "“合作签约项目”为 0，无法计算占比",
    );
  });
});

describe("figures in the body", () => {
  it("every seed figure's mention is marked in the seed body", () => {
    const results = checkBodyLinks(seedBody, seedFigures);
    expect(results.filter((r) => r.rule === "mention")).toEqual([]);
    // The one number of the body that is no figure: "5个方面".
    expect(results.filter((r) => r.rule === "unlinked_number").map((r) => r.message)).toEqual([
      "正文中的数字未对应数据：“5个”",
    ]);
  });

  it("a mention the body does not contain is a warning", () => {
    const results = checkBodyLinks(seedBody, changed("exhibitors", { mention: "975家" }));
    expect(results).toContainEqual({
      rule: "mention",
      level: "warning",
      keys: ["exhibitors"],
      message: "正文中找不到“参展企业”的原文写法“975家”",
    });
    expect(checkBodyLinks(seedBody, changed("exhibitors", { mention: null }))).toContainEqual(
      expect.objectContaining({ rule: "mention", level: "info", keys: ["exhibitors"] }),
    );
  });

  it("a mention whose number is not the figure's is a warning", () => {
    expect(checkBodyLinks(seedBody, changed("exhibitors", { value: "975" }))).toContainEqual({
      rule: "mention",
      level: "warning",
      keys: ["exhibitors"],
      message: "“参展企业”的原文写法“974家”与数据 975家 不符",
    });
    // "超3000万" states 3000万人次; "近千万" has no digits to compare.
    const live = byKey(seedFigures, "livestream_views");
    expect(checkBodyLinks("<p>直播累计观看人次超3000万。</p>", [live])).toEqual([]);
    expect(checkBodyLinks("<p>直播累计观看人次超3000万。</p>", [{ ...live, value: "3100" }])[0].level).toBe(
      "warning",
    );
  });

  it("numbers with a unit and no figure are listed; dates, years and ordinals are not", () => {
    const body =
      "<p>2023年9月20日，第3场活动吸引了1200名观众，签约12个项目，投资约3.5亿元，增长12.5%，历时3个月。</p>" +
      "<p>另有<strong>45</strong>家企业，150余篇(条)报道。</p>";
    const messages = checkBodyLinks(body, [])
      .filter((r) => r.rule === "unlinked_number")
      .map((r) => r.message.replace("正文中的数字未对应数据：", ""));
    expect(messages).toEqual(["“1200名”", "“12个”", "“3.5亿元”", "“12.5%”", "“45家”", "“150余篇(条)”"]);
  });

  it("a number written again elsewhere is the same figure, not an unlinked one", () => {
    const f = figure({
      key: "projects",
      label: "项目",
      value: "12",
      unit: "个",
      mention: "12个",
      isRecord: false,
    });
    expect(checkBodyLinks("<p>签约12个项目。</p><p>再说一次：12个。</p>", [f])).toEqual([]);
  });

  it("a maximal body of numbers lists at most the limit, then how many more", () => {
    // How long it takes is measured, not asserted (see the report of this change): it stops once the list is full.
    const numbers = Array.from({ length: 60_000 }, (_, i) => `${i + 1}个`);
    const body = `<p>${numbers.join("，")}</p>`.slice(0, BODY_LIMIT);
    const listed = checkBodyLinks(body, []);
    expect(listed).toHaveLength(UNLINKED_LIST_LIMIT + 1);
    expect(listed[0].message).toBe("正文中的数字未对应数据：“1个”");
    expect(listed.at(-1)!.message).toBe("正文中的数字未对应数据：还有更多，未一一列出");
  });
});
