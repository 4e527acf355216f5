import { describe, expect, it } from "vitest";
import { fromBeijingInput, toBeijingInput, wallClockExists } from "@/lib/i18n/format-date";
import { analyzeRelease } from "@/lib/import/analyze-release";
import { snapshotToForm } from "@/lib/releases/editor-form";
import { diffRevisions } from "@/lib/releases/diff-revisions";
import { releaseSnapshotSchema } from "@/lib/releases/snapshot";
import { statedMoment, statedPublishAtSchema } from "@/lib/releases/stated-publish-at";
import { snapshotWithBody } from "../fixtures/hostile-bodies";

/** What a text's stated date becomes on the draft: the proposal, then the release schema. */
function storedMoment(text: string) {
  const { publishedAt, publishedAtHasTime } = analyzeRelease(text).release;
  const parsed = statedPublishAtSchema.safeParse(publishedAt);
  return {
    publishedAt,
    publishedAtHasTime,
    stored: parsed.success ? (parsed.data?.toISOString() ?? null) : parsed,
  };
}

describe("the stated date of an imported text, as stored", () => {
  it("reads a date and time without a zone as Beijing time", () => {
    expect(storedMoment("示例大会闭幕\n发布时间：2023-09-24 10:30\n大会今日闭幕。")).toEqual({
      publishedAt: "2023-09-24T10:30:00+08:00",
      publishedAtHasTime: true,
      stored: "2023-09-24T02:30:00.000Z",
    });
  });

  it("takes a date without a time as that day at 00:00 Beijing time, and says the time was not stated", () => {
    expect(storedMoment("示例大会闭幕\n来源：示例日报 2023年9月24日\n大会今日闭幕。")).toEqual({
      publishedAt: "2023-09-24T00:00:00+08:00",
      publishedAtHasTime: false,
      stored: "2023-09-23T16:00:00.000Z",
    });
  });

  it("reads a date alone on the line under the title as the date, not as a heading", () => {
    const proposal = analyzeRelease("示例大会闭幕\n2023年9月24日\n大会今日闭幕，参展企业974家。");
    expect(proposal.release.publishedAt).toBe("2023-09-24T00:00:00+08:00");
    expect(proposal.release.body).toBe("<p>大会今日闭幕，参展企业974家。</p>");
  });

  it("reads a traditional-script date line (發佈時間, 時, 分)", () => {
    expect(
      storedMoment("示例博覽會閉幕\n發佈時間：2023年9月24日 10時30分\n本屆博覽會參展企業974家。"),
    ).toEqual({
      publishedAt: "2023-09-24T10:30:00+08:00",
      publishedAtHasTime: true,
      stored: "2023-09-24T02:30:00.000Z",
    });
  });

  it("keeps seconds, and proposes nothing for a day that does not exist or a text with no date", () => {
    expect(storedMoment("标题\n发布时间：2023-09-28 16:32:08\n正文。").stored).toBe(
      "2023-09-28T08:32:08.000Z",
    );
    expect(storedMoment("标题\n发布时间：2023年2月30日\n正文。").publishedAt).toBeNull();
    expect(storedMoment("标题\n大会今日闭幕，参展企业974家。")).toEqual({
      publishedAt: null,
      publishedAtHasTime: false,
      stored: null,
    });
  });
});

describe("statedPublishAtSchema (editor, import review, API)", () => {
  const parse = (v: unknown) => statedPublishAtSchema.safeParse(v);
  const message = (v: unknown) => {
    const r = parse(v);
    return r.success ? null : r.error.issues[0].message;
  };

  it("reads the form's datetime-local value as Beijing time and an ISO instant in its own zone", () => {
    expect(parse("2023-09-24T10:30").data?.toISOString()).toBe("2023-09-24T02:30:00.000Z");
    expect(parse("2023-09-24T10:30:15").data?.toISOString()).toBe("2023-09-24T02:30:15.000Z");
    expect(parse("2023-09-24T02:30:00Z").data?.toISOString()).toBe("2023-09-24T02:30:00.000Z");
    expect(parse("2023-09-24T10:30:00-05:00").data?.toISOString()).toBe("2023-09-24T15:30:00.000Z");
    // Kept to the second, as the editor's field shows it (a fraction would read as an edit on the next save).
    expect(parse("2023-09-24T02:30:15.999Z").data?.toISOString()).toBe("2023-09-24T02:30:15.000Z");
  });

  it("treats empty and missing as none", () => {
    expect(parse("").data).toBeNull();
    expect(parse("   ").data).toBeNull();
    expect(parse(null).data).toBeNull();
    expect(parse(undefined).data).toBeNull();
  });

  it("refuses a future moment: that is what scheduling is for", () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(message(tomorrow)).toBe("原文发布时间不能晚于现在：将来的时间请用“定时发布”");
    expect(message(toBeijingInput(tomorrow))).toBe("原文发布时间不能晚于现在：将来的时间请用“定时发布”");
  });

  it("refuses hostile and impossible values with a clear message", () => {
    const invalid = "请填写有效的原文发布时间（北京时间）";
    for (const bad of [
      "yesterday",
      "2023-02-30T10:00",
      "2023-09-24T24:00",
      "2023-02-30T10:00:00Z",
      "2023-09-24T24:00:00+08:00",
      "2023-00-10T10:00:00Z",
      "2023-13-01T10:00",
      "1899-12-31T23:59",
      "2023-09-24",
      "2023-09-24T10:30:00+08:00; DROP TABLE release",
      "9".repeat(100_000),
    ])
      expect(message(bad), bad).toBe(invalid);
    expect(parse(1695522600000).success).toBe(false);
    expect(parse({ toISOString: "x" }).success).toBe(false);
  });
});

describe("Beijing datetime-local values", () => {
  it("shows a stored instant in Beijing time, with seconds only when it has them, and reads it back", () => {
    expect(toBeijingInput("2023-09-23T16:00:00.000Z")).toBe("2023-09-24T00:00");
    expect(toBeijingInput("2023-09-28T08:32:08.000Z")).toBe("2023-09-28T16:32:08");
    for (const iso of ["2023-09-23T16:00:00.000Z", "2023-09-28T08:32:08.000Z", "2024-02-29T15:59:59.000Z"])
      expect(fromBeijingInput(toBeijingInput(iso))).toBe(iso);
  });
});

describe("原文发布时间 in revisions", () => {
  it("is part of a snapshot (absent in older revisions) and of the editor's form", () => {
    const old = releaseSnapshotSchema.parse({ ...snapshotWithBody("<p>x</p>"), statedPublishAt: undefined });
    expect(old.statedPublishAt).toBeNull();
    expect(snapshotToForm(old).statedPublishAt).toBe("");
    const stated = { ...old, statedPublishAt: "2023-09-23T16:00:00.000Z" };
    expect(snapshotToForm(stated).statedPublishAt).toBe("2023-09-24T00:00");
    expect(diffRevisions(old, stated).fields).toEqual([
      { label: "原文发布时间", before: "", after: "2023-09-24 00:00:00" },
    ]);
  });
});

describe("wallClockExists: the one check of a typed date", () => {
  it.each([
    [[2024, 2, 29], true],
    [[2023, 2, 29], false],
    [[2023, 4, 31], false],
    [[2023, 13, 1], false],
    [[2023, 0, 10], false],
    [[2023, 9, 0], false],
    [[2023, 9, 28, 23, 59, 59], true],
    [[2023, 9, 28, 24, 0, 0], false],
    [[2023, 9, 28, 16, 60, 0], false],
    [[2023, 9, 28, 16, 32, 60], false],
    [[2023, 9, 28, -1, 0, 0], false],
    [[2023, 9, 28.5], false],
  ] as const)("%j → %s", (parts, exists) => {
    expect(wallClockExists(...(parts as unknown as [number, number, number]))).toBe(exists);
  });

  it("is what the editor's field, the stated time and imported text all refuse", () => {
    expect(fromBeijingInput("2023-02-29T10:00")).toBeNull();
    expect(fromBeijingInput("2023-09-28T24:00")).toBeNull();
    expect(fromBeijingInput("2023-09-28T16:32:08")).toBe("2023-09-28T08:32:08.000Z");
    expect(statedMoment("2023-02-29T10:00:00+08:00")).toBeNull();
    expect(statedMoment("2023-09-28T16:32:00+08:00")?.toISOString()).toBe("2023-09-28T08:32:00.000Z");
  });
});
