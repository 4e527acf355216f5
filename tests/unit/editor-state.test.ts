import { describe, expect, it } from "vitest";
import { autosaveStatus, savedStatus } from "@/components/admin/editor/save-status";
import {
  browserDraftCopy,
  offerLine,
  pickDraftToRecover,
  storeOfferLine,
  type RecoverableDraft,
} from "@/lib/releases/draft-recovery";
import { emptyFigure, type ReleaseForm } from "@/lib/releases/editor-form";
import { differingFields, mergeConflict } from "@/lib/releases/merge-conflict";

const base: ReleaseForm = {
  title: "大会成果",
  slug: "results",
  summary: "摘要",
  body: "<p>正文</p>",
  categoryId: "",
  editionId: "e1",
  isEditionResults: false,
  leadImageId: "",
  tags: ["制造业"],
  sourceName: "",
  sourceUrl: "",
  byline: "",
  statedPublishAt: "",
  locale: "zh-CN",
  figures: [{ ...emptyFigure(0), label: "参会嘉宾", value: "1.6", unit: "万名" }],
};

describe("mergeConflict", () => {
  // From the same base: I changed the title, summary and edition; they changed the title, body,
  // figures, edition and language.
  const mine: ReleaseForm = { ...base, title: "我的标题", summary: "我的摘要", editionId: "e2" };
  const theirs: ReleaseForm = {
    ...base,
    title: "对方标题",
    body: "<p>对方正文</p>",
    figures: [{ ...base.figures[0], value: "1.7" }],
    editionId: "e3",
    locale: "en",
  };

  it("takes what only they changed, keeps what only I changed, and keeps mine where both changed", () => {
    const merged = mergeConflict(mine, theirs, base, {});
    expect(merged.body).toBe("<p>对方正文</p>");
    expect(merged.figures[0].value).toBe("1.7");
    expect(merged.summary).toBe("我的摘要");
    expect(merged.title).toBe("我的标题");
    expect(merged.editionId).toBe("e2");
  });

  it("follows a choice where one is made, either way", () => {
    const merged = mergeConflict(mine, theirs, base, { title: "theirs", body: "mine", summary: "theirs" });
    expect(merged.title).toBe("对方标题");
    expect(merged.body).toBe("<p>正文</p>");
    expect(merged.summary).toBe("摘要");
    expect(merged.figures[0].value).toBe("1.7");
  });

  it("never takes a field the screen does not offer, even if a choice names it", () => {
    expect(mergeConflict(mine, theirs, base, { locale: "theirs" }).locale).toBe("zh-CN");
  });

  it("does not change any input", () => {
    const before = JSON.stringify([mine, theirs, base]);
    mergeConflict(mine, theirs, base, { title: "theirs" });
    expect(JSON.stringify([mine, theirs, base])).toBe(before);
  });

  it("lists the offered fields that differ, in screen order, with who changed each", () => {
    expect(differingFields(mine, theirs, base).map((f) => [f.key, f.changedBy])).toEqual([
      ["title", "both"],
      ["summary", "mine"],
      ["body", "theirs"],
      ["figures", "theirs"],
      ["editionId", "both"],
    ]);
    expect(differingFields(base, { ...base }, base)).toEqual([]);
  });

  it("does not count how a unit was typed (declaredUnit) as a change of the figures", () => {
    const typed: ReleaseForm = { ...base, figures: [{ ...base.figures[0], declaredUnit: true }] };
    expect(differingFields(typed, theirs, base).find((f) => f.key === "figures")?.changedBy).toBe("theirs");
    expect(mergeConflict(typed, theirs, base, {}).figures[0].value).toBe("1.7");
  });
});

describe("pickDraftToRecover", () => {
  const copy = (title: string, savedAt: string) => ({ data: { ...base, title }, savedAt, baseVersion: 3 });

  it("offers nothing when no copy exists or every copy equals the saved version", () => {
    expect(pickDraftToRecover(base, null, null)).toBeNull();
    expect(
      pickDraftToRecover(base, { data: base, savedAt: "2026-11-30T01:00:00Z", baseVersion: 3 }, null),
    ).toBeNull();
  });

  it("offers the newer of the browser and server copies, naming where it came from and its version", () => {
    const browser = copy("本机", "2026-11-30T01:00:05.000Z");
    const server = { ...copy("服务器", "2026-11-30T01:00:03.000Z"), baseVersion: 2 };
    expect(pickDraftToRecover(base, browser, server)).toEqual({
      data: browser.data,
      savedAt: browser.savedAt,
      source: "本机浏览器",
      baseVersion: 3,
    });
    // The version goes with the copy it came from: a merge is measured against it.
    expect(pickDraftToRecover(base, null, server)?.baseVersion).toBe(2);
    expect(pickDraftToRecover(base, copy("旧", "2026-11-30T00:00:00.000Z"), server)?.source).toBe(
      "服务器自动保存",
    );
  });

  it("skips a newer copy that holds nothing new", () => {
    const same = { data: base, savedAt: "2026-11-30T02:00:00.000Z", baseVersion: 3 };
    expect(pickDraftToRecover(base, same, copy("服务器", "2026-11-30T01:00:00.000Z"))?.data.title).toBe(
      "服务器",
    );
  });

  it("stores the form with its base version and time", () => {
    const at = new Date("2026-11-30T01:02:03.000Z");
    expect(browserDraftCopy(base, 7, at)).toEqual({ data: base, savedAt: at.toISOString(), baseVersion: 7 });
  });
});

describe("the save status line", () => {
  it("says a live release's save is pending, and gives the version", () => {
    expect(savedStatus(4, true)).toMatch(/^已保存为待发布的修改（第 4 版）\d\d:\d\d:\d\d$/);
    expect(savedStatus(2, false)).toMatch(/^已保存（第 2 版）/);
  });
  it("says when an autosave succeeded and why it failed", () => {
    expect(autosaveStatus({ savedAt: "2026-11-30T01:02:03.000Z" })).toMatch(/^已自动保存 \d\d:\d\d:\d\d$/);
    expect(autosaveStatus({ message: "网络连接中断" })).toBe("自动保存失败：网络连接中断");
  });
});

describe("the line of offers", () => {
  const offer = (title: string, savedAt = "2026-11-30T01:00:00.000Z"): RecoverableDraft => ({
    data: { ...base, title },
    savedAt,
    source: "本机浏览器",
    baseVersion: 1,
  });

  it("keeps the newest five, drops any equal to the saved version, and never queues the same work twice", () => {
    const waiting = ["一", "二", "三", "四", "五"].map((t) => offer(t));
    const line = offerLine(base, [...waiting, { ...offer("x"), data: base }], offer("六"));
    expect(line.map((o) => o.data.title)).toEqual(["二", "三", "四", "五", "六"]);
    expect(offerLine(base, waiting, offer("三")).map((o) => o.data.title)).toEqual([
      "一",
      "二",
      "三",
      "四",
      "五",
    ]);
  });

  it("gives work kept by an older editor without its version the version of the same work found again", () => {
    const legacy = { ...offer("旧"), baseVersion: undefined };
    const line = offerLine(base, [legacy], { ...offer("旧"), baseVersion: 2, source: "服务器自动保存" });
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ baseVersion: 2, source: "本机浏览器" });
  });

  it("reads whatever the browser held without breaking: not a list, or entries that are no offers", () => {
    for (const held of [
      null,
      "text",
      42,
      { a: 1 },
      [null, 1, "x", { savedAt: 1 }, { savedAt: "t", data: null }],
    ])
      expect(offerLine(base, held, offer("新的"))).toEqual([offer("新的")]);
  });

  it("stores at most five; a storage that refuses keeps the line in memory and breaks nothing", () => {
    const stored = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    };
    const seven = ["1", "2", "3", "4", "5", "6", "7"].map((t) => offer(t));
    storeOfferLine(storage, "k", seven);
    expect((JSON.parse(stored.get("k")!) as RecoverableDraft[]).map((o) => o.data.title)).toEqual([
      "3",
      "4",
      "5",
      "6",
      "7",
    ]);
    storeOfferLine(storage, "k", []);
    expect(stored.has("k")).toBe(false);
    const full = {
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("private mode");
      },
    };
    expect(() => storeOfferLine(full, "k", seven)).not.toThrow();
    expect(() => storeOfferLine(full, "k", [])).not.toThrow();
  });
});
