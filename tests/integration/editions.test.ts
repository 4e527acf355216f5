import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createEdition, updateEdition } from "@/lib/editions/edition-mutations";
import { createEvent } from "@/lib/editions/event-mutations";
import {
  findEditionsOfYear,
  findFigureSeries,
  listEditionComparisons,
  listPublicEditions,
} from "@/lib/editions/queries";
import { listEditionAddresses } from "@/lib/editions/addresses";
import { figureSeriesJson } from "@/lib/editions/series-export";
import { toAppError, type AppError } from "@/lib/errors";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let publisher: Actor;
beforeAll(async () => {
  publisher = await createStaff("publisher");
});

const hex = () => crypto.randomBytes(4).toString("hex");

async function testEvent() {
  return createEvent(publisher, { slug: `test-${hex()}`, name: `测试大会（虚构）${hex()}` });
}

function edition(year: number, city = "测试市") {
  return { year, startDate: `${year}-09-20`, endDate: `${year}-09-24`, city, theme: "虚构主题" };
}

function keyFigure(key: string, value: string, unit: string, over: Record<string, unknown> = {}) {
  return {
    key,
    label: "签约项目（测试）",
    value,
    unit,
    highlighted: true,
    mention: `${value}${unit}`,
    ...over,
  };
}

async function publishedRelease(editionId: string, figures: unknown[], over: Record<string, unknown> = {}) {
  const draft = await createDraft(publisher, { editionId, figures, ...over });
  await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
  return db.release.findUniqueOrThrow({ where: { id: draft.id } });
}

/** The error as the API would answer it (zod errors become 422 there). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return toAppError(error);
}

describe("comparing a figure across editions", () => {
  it("saves figures in two editions, then shows each edition's value, newest first, as page data and JSON", async () => {
    const event = await testEvent();
    const [e2019, e2020, e2021] = await Promise.all(
      [2019, 2020, 2021].map((y) => createEdition(publisher, event.id, edition(y, `测试市${y}`))),
    );
    const key = `k_${hex()}`;
    const old = await publishedRelease(e2019.id, [keyFigure(key, "1.2", "万个", { qualifier: "over" })]);
    const current = await publishedRelease(e2020.id, [keyFigure(key, "15000", "个")]);
    // A draft of a third edition is nobody's business yet.
    await createDraft(publisher, { editionId: e2021.id, figures: [keyFigure(key, "99", "个")] });

    const series = await findFigureSeries(key);
    expect(series?.series.map((p) => [p.edition.year, p.figure.display, p.figure.baseValue])).toEqual([
      [2020, "15000个", "15000"],
      [2019, "超1.2万个", "12000"],
    ]);
    expect(figureSeriesJson(series!)).toEqual({
      key,
      label: "签约项目（测试）",
      baseUnit: "个",
      series: [
        {
          edition: { year: 2020, city: "测试市2020" },
          value: "15000",
          unit: "个",
          baseValue: "15000",
          qualifier: "exact",
          release: { slug: current.slug, title: current.title },
        },
        {
          edition: { year: 2019, city: "测试市2019" },
          value: "1.2",
          unit: "万个",
          baseValue: "12000",
          qualifier: "over",
          release: { slug: old.slug, title: old.title },
        },
      ],
    });

    const comparisons = await listEditionComparisons(current.slug);
    expect(comparisons.map((c) => [c.key, c.points.map((p) => [p.edition.year, p.figure.display])])).toEqual([
      [key, [[2019, "超1.2万个"]]],
    ]);
    // Earlier editions only: the 2019 release has no history yet, whatever 2020 says.
    expect(await listEditionComparisons(old.slug)).toEqual([]);

    const addresses = await listEditionAddresses();
    expect(addresses.keys).toContain(key);
    expect(addresses.years).toEqual(expect.arrayContaining([2019, 2020]));
    const years = await findEditionsOfYear(2020);
    const mine = years?.editions.find((e) => e.event.slug === event.slug);
    expect(mine?.releases.map((r) => r.slug)).toEqual([current.slug]);
    expect(mine?.headline.map((f) => f.display)).toEqual(["15000个"]);
    const all = await listPublicEditions();
    expect(all.editions.filter((e) => e.event.slug === event.slug).map((e) => e.year)).toEqual([2020, 2019]);
  });

  it("takes the edition's results release over a newer release of the same edition", async () => {
    const event = await testEvent();
    const ed = await createEdition(publisher, event.id, edition(2018));
    const key = `k_${hex()}`;
    const results = await publishedRelease(ed.id, [keyFigure(key, "500", "家")], { isEditionResults: true });
    await publishedRelease(ed.id, [keyFigure(key, "480", "家")]);
    const series = await findFigureSeries(key);
    expect(series?.series.map((p) => [p.figure.value, p.release.slug])).toEqual([["500", results.slug]]);
  });

  it("knows no key nobody published, and no key of a draft", async () => {
    const key = `k_${hex()}`;
    expect(await findFigureSeries(key)).toBeNull();
    const event = await testEvent();
    const ed = await createEdition(publisher, event.id, edition(2017));
    await createDraft(publisher, { editionId: ed.id, figures: [keyFigure(key, "1", "个")] });
    expect(await findFigureSeries(key)).toBeNull();
    expect((await listEditionAddresses()).keys).not.toContain(key);
  });
});

describe("the results release of an edition", () => {
  it("is one per edition and language: a second is refused, naming the first", async () => {
    const event = await testEvent();
    const ed = await createEdition(publisher, event.id, edition(2016));
    const first = await createDraft(publisher, { editionId: ed.id, isEditionResults: true });
    const error = await refusal(createDraft(publisher, { editionId: ed.id, isEditionResults: true }));
    expect(error.status).toBe(422);
    expect(error.message).toContain(`《${first.title}》`);
    expect(error.details?.fields?.[0]?.path).toBe("isEditionResults");
    // Another language may have its own; unmarking the first frees the place.
    await expect(
      createDraft(publisher, { editionId: ed.id, isEditionResults: true, locale: "en" }),
    ).resolves.toBeTruthy();
    await saveRelease(publisher, first.id, {
      baseVersion: first.version,
      release: releaseInput({ slug: first.slug, editionId: ed.id, isEditionResults: false }),
    });
    await expect(createDraft(publisher, { editionId: ed.id, isEditionResults: true })).resolves.toBeTruthy();
  });

  it("needs an edition", async () => {
    const error = await refusal(createDraft(publisher, { isEditionResults: true }));
    expect(error.status).toBe(422);
  });

  it("stays one when eight releases are marked at the same moment", async () => {
    const event = await testEvent();
    const ed = await createEdition(publisher, event.id, edition(2015));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createDraft(publisher, { editionId: ed.id, isEditionResults: true })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.release.count({ where: { editionId: ed.id, isEditionResults: true } })).toBe(1);
  });
});

describe("events and editions", () => {
  it("refuses bad input with Chinese messages on the fields, and a second edition of one year", async () => {
    const event = await testEvent();
    const bad = await refusal(
      createEdition(publisher, event.id, { ...edition(2014), endDate: "2014-09-01", city: "" }),
    );
    expect(bad.status).toBe(422);
    await expect(
      createEdition(publisher, event.id, { ...edition(2014), startDate: "2014-02-30" }),
    ).rejects.toThrow("开始日期不是有效日期");
    await createEdition(publisher, event.id, edition(2014));
    const twice = await refusal(createEdition(publisher, event.id, edition(2014)));
    expect(twice.status).toBe(409);
    expect(twice.message).toBe("该活动已有这一年的届次");
    const huge = await refusal(createEvent(publisher, { slug: `x-${hex()}`, name: "名".repeat(100_000) }));
    expect(huge.status).toBe(422);
    const taken = await refusal(createEvent(publisher, { slug: event.slug, name: "同名" }));
    expect(taken.status).toBe(409);
    expect((await refusal(updateEdition(publisher, "not-a-uuid", edition(2013)))).status).toBe(404);
    expect((await refusal(createEdition(publisher, crypto.randomUUID(), edition(2013)))).status).toBe(404);
  });

  it("announces a change of an edition readers see, and audits every change", async () => {
    const event = await testEvent();
    const ed = await createEdition(publisher, event.id, edition(2012));
    await publishedRelease(ed.id, [keyFigure(`k_${hex()}`, "3", "个")]);
    const before = (await db.cacheInvalidation.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    await updateEdition(publisher, ed.id, { ...edition(2012, "新测试市"), ordinal: 5 });
    expect(await db.cacheInvalidation.count({ where: { id: { gt: before } } })).toBeGreaterThan(0);
    const audit = await db.auditLog.findMany({ where: { targetId: { in: [event.id, ed.id] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["edition.create", "edition.update", "event.create"]);
    expect((await db.edition.findUniqueOrThrow({ where: { id: ed.id } })).city).toBe("新测试市");
  });
});
