import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRelease } from "@/lib/import/analyze-release";
import { IMPORT_FIXTURES_DIR, SEED_FIXTURE } from "@/lib/import/eval-fixtures";
import { suggestPlacement, type EditionCandidate } from "@/lib/import/suggest-placement";

// The seed's real 2023 edition beside fictional ones, as the review screen would list them.
const WMC_2023: EditionCandidate = {
  id: "wmc-2023",
  year: 2023,
  startDate: "2023-09-20",
  endDate: "2023-09-24",
  city: "合肥",
  eventName: "世界制造业大会",
};
const WMC_2022: EditionCandidate = {
  ...WMC_2023,
  id: "wmc-2022",
  year: 2022,
  startDate: "2022-09-20",
  endDate: "2022-09-24",
};
const EXPO_2023: EditionCandidate = {
  id: "expo-2023",
  year: 2023,
  startDate: "2023-05-10",
  endDate: "2023-05-12",
  city: "示例市",
  eventName: "示例博览会",
};
const EXPO_2024: EditionCandidate = {
  ...EXPO_2023,
  id: "expo-2024",
  year: 2024,
  startDate: "2024-05-10",
  endDate: "2024-05-12",
};
const EDITIONS = [WMC_2022, WMC_2023, EXPO_2023, EXPO_2024];
const CATEGORIES = [
  { id: "anhui", name: "安徽省资讯" },
  { id: "notice", name: "通知公告" },
];

const suggest = (title: string, text: string, publishedAt: string | null = null, editions = EDITIONS) =>
  suggestPlacement({ title, publishedAt, text }, { editions, categories: CATEGORIES });

describe("edition and category of an imported release", () => {
  it("places the real 2023 results release in its edition and category, and says why", () => {
    const text = fs.readFileSync(path.join(IMPORT_FIXTURES_DIR, `${SEED_FIXTURE}.txt`), "utf8");
    const proposal = analyzeRelease(text);
    const placement = suggestPlacement(
      { title: proposal.release.title, publishedAt: proposal.release.publishedAt, text },
      { editions: EDITIONS, categories: CATEGORIES },
    );
    expect(placement).toEqual({
      editionId: "wmc-2023",
      editionReason:
        "根据标题中的年份 2023、活动名称“世界制造业大会”、城市“合肥”、发布日期在会期内或会后一个月内建议",
      categoryId: "anhui",
      categoryReason: "稿件中出现分类名称“安徽省资讯”",
    });
  });

  it("uses the stated date's year when the title has none, and the event's name between two editions of that year", () => {
    expect(suggest("示例博览会闭幕", "本届博览会在示例市举行。", "2024-05-13T10:00:00+08:00").editionId).toBe(
      "expo-2024",
    );
    expect(suggest("大会成果发布", "世界制造业大会成果丰硕。", "2023-09-28T16:32:08+08:00").editionId).toBe(
      "wmc-2023",
    );
  });

  it("a year in the title outweighs a year elsewhere in the text", () => {
    expect(suggest("2024示例博览会成果", "较2023示例博览会增长。").editionId).toBe("expo-2024");
  });

  it("suggests nothing without a year the editions have, or when two editions fit equally", () => {
    expect(suggest("示例博览会成果", "没有年份。")).toMatchObject({ editionId: null, editionReason: null });
    expect(suggest("2019示例博览会", "2019年举办。")).toMatchObject({ editionId: null, editionReason: null });
    expect(suggest("2023年成果", "两场活动。")).toEqual({
      editionId: null,
      editionReason: "稿件与多个届次同样相符，请选择",
      categoryId: null,
      categoryReason: null,
    });
    expect(suggest("2023年成果", "x", null, [])).toMatchObject({ editionId: null, editionReason: null });
  });

  it("suggests a category only when exactly one category is named", () => {
    expect(suggest("成果", "安徽省资讯 通知公告").categoryId).toBeNull();
    expect(suggest("成果", "通知公告：").categoryId).toBe("notice");
  });

  it("ignores numbers that only look like years, and picks right among thousands of editions in a hostile text", () => {
    expect(suggest("成果", "电话 0551-20231234，金额 120230 元").editionId).toBeNull();
    const hostile = "2023".repeat(50_000) + "世界制造业大会".repeat(10_000);
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      ...EXPO_2023,
      id: `e${i}`,
      year: 1900 + (i % 200),
    }));
    const placement = suggest(hostile, hostile, "2023-09-28T00:00:00+08:00", [...many, WMC_2023]);
    expect(placement.editionId).toBe("wmc-2023");
  });
});
