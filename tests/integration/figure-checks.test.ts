import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import type { FigureQualifier } from "@/lib/generated/prisma/enums";
import { publishPendingChanges } from "@/lib/publication/pending-changes";
import { createRelease } from "@/lib/releases/create-release";
import { getReleaseChecks } from "@/lib/releases/figure-checks";
import { saveRelease } from "@/lib/releases/save-release";
import { signOffFigures } from "@/lib/releases/sign-off-figures";
import { transitionRelease } from "@/lib/releases/transition-release";
import { figureRow } from "@/lib/figures/figure-row";
import { createStaff, releaseInput } from "./staff";

// Every event, edition, release and figure here is fictional, written by the test: "测试大会" with
// editions 2019 and 2021 (public), 2022 (a draft only) and the release under test in 2023.

let editor: Actor;
let publisher: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

const hex = () => crypto.randomBytes(4).toString("hex");

interface EarlierFigure {
  key: string;
  value: string;
  unit: string;
  qualifier?: FigureQualifier;
}

/** A fictional event with its editions; `earlier` writes a release of an earlier edition directly. */
async function fictionalEvent(options: { signOffRequired?: boolean } = {}) {
  const event = await db.event.create({ data: { slug: `test-${hex()}`, name: `测试大会 ${hex()}` } });
  const edition = (year: number) =>
    db.edition.create({
      data: {
        eventId: event.id,
        year,
        startDate: new Date(`${year}-09-01`),
        endDate: new Date(`${year}-09-03`),
        city: "测试市",
        signOffRequired: year === 2023 && Boolean(options.signOffRequired),
      },
    });
  const editions = {
    2019: await edition(2019),
    2021: await edition(2021),
    2022: await edition(2022),
    2023: await edition(2023),
    2025: await edition(2025),
  };
  async function earlier(
    year: keyof typeof editions,
    figures: EarlierFigure[],
    release: { status?: "published" | "draft"; isEditionResults?: boolean; publishAt?: Date } = {},
  ) {
    const rows = figures.map((f) =>
      figureRow({
        key: f.key,
        label: f.key,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier ?? "exact",
        qualifierWord: null,
        partOfKey: null,
        section: null,
        highlighted: false,
        isRecord: false,
        recordNote: null,
        sourceText: null,
        mention: null,
      }),
    );
    await db.figureKey.createMany({
      data: rows.map((r) => ({ key: r.key, label: r.label, baseUnit: r.baseUnit })),
      skipDuplicates: true,
    });
    const status = release.status ?? "published";
    return db.release.create({
      data: {
        slug: `earlier-${hex()}`,
        title: `测试大会 ${year} 成果`,
        status,
        publishAt: status === "published" ? (release.publishAt ?? new Date(Date.now() - 86_400_000)) : null,
        isEditionResults: release.isEditionResults ?? false,
        editionId: editions[year].id,
        figures: { create: rows.map((r) => ({ ...r, editionId: editions[year].id })) },
      },
    });
  }
  return { event, editions, earlier };
}

/** The release under test (edition 2023): record claims on the given keys, and a body that mentions each. */
async function currentRelease(
  editionId: string,
  figures: Array<{
    key: string;
    value: string;
    unit: string;
    qualifier?: FigureQualifier;
    isRecord?: boolean;
  }>,
) {
  const mentions = figures.map((f) => `${f.qualifier === "more_than" ? `${f.value}余` : f.value}${f.unit}`);
  return createRelease(
    editor,
    releaseInput({
      editionId,
      body: `<p>${mentions.map((m, i) => `第${i + 1}项数据为${m}`).join("，")}。</p>`,
      figures: figures.map((f, i) => ({
        key: f.key,
        label: `测试指标${i + 1}`,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier ?? "exact",
        isRecord: f.isRecord ?? true,
        recordNote: f.isRecord === false ? null : "创历届之最",
        mention: mentions[i],
      })),
    }),
  );
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return toAppError(
    await promise.then(
      () => new Error("resolved"),
      (e: unknown) => e,
    ),
  );
}

describe("record claims against earlier editions", () => {
  it("checked, contradicted, uncheckable and a lower-bound comparison, from public earlier editions only", async () => {
    const { editions, earlier } = await fictionalEvent();
    const [checked, contradicted, none, lowerBound] = ["exhibitors", "media", "firsts", "guests"].map(
      (k) => `${k}_${hex()}`,
    );
    await earlier(2019, [
      { key: checked, value: "638", unit: "家" },
      { key: contradicted, value: "800", unit: "家" },
      { key: lowerBound, value: "4500", unit: "名", qualifier: "more_than" },
    ]);
    await earlier(2021, [
      { key: checked, value: "520", unit: "家" },
      { key: contradicted, value: "90", unit: "家" },
    ]);
    // Not public, another event, a later edition: none of them counts.
    await earlier(2022, [{ key: checked, value: "9000", unit: "家" }], { status: "draft" });
    await earlier(2025, [{ key: checked, value: "9000", unit: "家" }]);
    const other = await fictionalEvent();
    await other.earlier(2019, [{ key: checked, value: "9000", unit: "家" }]);

    const release = await currentRelease(editions[2023].id, [
      { key: checked, value: "974", unit: "家" },
      { key: contradicted, value: "110", unit: "家" },
      { key: none, value: "3", unit: "项" },
      { key: lowerBound, value: "1.6", unit: "万名" },
    ]);
    const { claims } = await getReleaseChecks(editor, release.id);
    expect(claims.map((c) => [c.state, c.message])).toEqual([
      ["checked", "高于历届：2019 年 638家"],
      ["contradicted", "与往届不符：2019 年为 800家，高于本届（本届 110家）"],
      ["uncheckable", "无法核对：往届没有“测试指标3”的已公开数据"],
      ["checked", "高于历届：2019 年 4500余名（含“余/多/超”的数按下限比较）"],
    ]);
    expect(claims[0].comparisons.map((c) => [c.year, c.outcome])).toEqual([
      [2019, "beaten"],
      [2021, "beaten"],
    ]);
  });

  it("an edition's results release is the value it is compared with, and a key where lower is better", async () => {
    const { editions, earlier } = await fictionalEvent();
    const [projects, energy] = [`projects_${hex()}`, `energy_${hex()}`];
    await earlier(2021, [{ key: projects, value: "700", unit: "个" }], {
      isEditionResults: true,
      publishAt: new Date(Date.now() - 2 * 86_400_000),
    });
    // A later, provisional release of 2021 with a smaller number is not the edition's result.
    await earlier(2021, [{ key: projects, value: "500", unit: "个" }]);
    await earlier(2019, [{ key: energy, value: "4", unit: "吨" }]);
    await db.figureKey.update({ where: { key: energy }, data: { higherIsBetter: false } });
    const release = await currentRelease(editions[2023].id, [
      { key: projects, value: "600", unit: "个" },
      { key: energy, value: "3.5", unit: "吨" },
    ]);
    const { claims } = await getReleaseChecks(editor, release.id);
    expect(claims.map((c) => c.message)).toEqual([
      "与往届不符：2021 年为 700个，高于本届（本届 600个）",
      "低于历届：2019 年 4吨",
    ]);
  });

  it("a release without an edition cannot be compared, and says why", async () => {
    const release = await currentRelease("", [{ key: `k_${hex()}`, value: "1", unit: "个" }]);
    const { claims } = await getReleaseChecks(editor, release.id);
    expect(claims[0].message).toBe("无法核对：稿件未选择届次，无法与往届比较");
  });

  it("answers 401 signed out and 404 for a release that does not exist or a forged id", async () => {
    expect((await errorOf(getReleaseChecks(null, crypto.randomUUID()))).status).toBe(401);
    expect((await errorOf(getReleaseChecks(editor, crypto.randomUUID()))).status).toBe(404);
    expect((await errorOf(getReleaseChecks(editor, "x' OR 1=1 --"))).status).toBe(404);
  });
});

describe("publishing a contradicted record claim", () => {
  it("is refused with the claims listed, then allowed with the publisher's confirmation, which the audit log keeps", async () => {
    const { editions, earlier } = await fictionalEvent();
    const media = `media_${hex()}`;
    await earlier(2019, [{ key: media, value: "800", unit: "家" }]);
    const release = await currentRelease(editions[2023].id, [{ key: media, value: "110", unit: "家" }]);

    const refused = await errorOf(
      transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toBe(
      "以下纪录说法与往届数据不符，请发布人确认后再发布：“测试指标1”创历届之最：与往届不符：2019 年为 800家，高于本届（本届 110家）",
    );
    expect(refused.details?.contradictedClaims).toEqual([
      expect.objectContaining({ key: media, claim: "创历届之最" }),
    ]);
    const scheduled = await errorOf(
      transitionRelease(publisher, release.id, {
        action: "schedule",
        baseVersion: release.version,
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );
    expect(scheduled.status).toBe(409);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("draft");
    // An editor's confirmation counts for nothing: publishing is a publisher's.
    expect(
      (
        await errorOf(
          transitionRelease(editor, release.id, {
            action: "publish",
            baseVersion: release.version,
            confirmContradictedClaims: true,
          }),
        )
      ).status,
    ).toBe(403);

    const published = await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: release.version,
      confirmContradictedClaims: true,
    });
    expect(published.status).toBe("published");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: release.id, action: "release.confirm_contradicted_claims" },
    });
    expect(audit.actorId).toBe(publisher.id);
    expect(audit.details).toEqual({
      claims: [
        {
          key: media,
          label: "测试指标1",
          claim: "创历届之最",
          message: "与往届不符：2019 年为 800家，高于本届（本届 110家）",
        },
      ],
    });
  });

  it("a release whose claims hold publishes without any confirmation, and records none", async () => {
    const { editions, earlier } = await fictionalEvent();
    const key = `visitors_${hex()}`;
    await earlier(2021, [{ key, value: "10", unit: "万人次", qualifier: "over" }]);
    const release = await currentRelease(editions[2023].id, [{ key, value: "35.9", unit: "万人次" }]);
    await transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version });
    expect(
      await db.auditLog.count({
        where: { targetId: release.id, action: "release.confirm_contradicted_claims" },
      }),
    ).toBe(0);
  });

  it("confirmContradictedClaims must be a boolean", async () => {
    const release = await currentRelease("", [{ key: `k_${hex()}`, value: "1", unit: "个" }]);
    const error = await errorOf(
      transitionRelease(publisher, release.id, {
        action: "publish",
        baseVersion: release.version,
        confirmContradictedClaims: "yes",
      }),
    );
    expect(error.status).toBe(422);
  });
});

describe("sign-off of changed figures", () => {
  async function signOffRelease() {
    const { editions } = await fictionalEvent({ signOffRequired: true });
    const [a, b] = [`alpha_${hex()}`, `beta_${hex()}`];
    const release = await currentRelease(editions[2023].id, [
      { key: a, value: "587", unit: "个", isRecord: false },
      { key: b, value: "3425", unit: "亿元", isRecord: false },
    ]);
    return { release, a, b };
  }

  it("publishing waits until a publisher confirmed every figure; the confirmation is audited", async () => {
    const { release, a, b } = await signOffRelease();
    const before = await getReleaseChecks(editor, release.id);
    expect(before.signOff).toEqual({
      required: true,
      unconfirmed: [
        { key: a, label: "测试指标1", display: "587个" },
        { key: b, label: "测试指标2", display: "3425亿元" },
      ],
    });
    const refused = await errorOf(
      transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toBe(
      "以下数据尚未经发布人确认，确认后才能发布：测试指标1（587个）、测试指标2（3425亿元）",
    );

    expect((await errorOf(signOffFigures(editor, release.id, { keys: [a, b] }))).status).toBe(403);
    expect((await errorOf(signOffFigures(null, release.id, { keys: [a, b] }))).status).toBe(401);
    await signOffFigures(publisher, release.id, { keys: [a], baseVersion: release.version });
    const half = await errorOf(
      transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version }),
    );
    expect(half.message).toBe("以下数据尚未经发布人确认，确认后才能发布：测试指标2（3425亿元）");
    await signOffFigures(publisher, release.id, { keys: [b] });
    expect((await getReleaseChecks(editor, release.id)).signOff.unconfirmed).toEqual([]);
    await transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version });

    const rows = await db.figureSignOff.findMany({
      where: { releaseId: release.id },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => [r.key, r.value.toString(), r.unit, r.qualifier, r.userId])).toEqual([
      [a, "587", "个", "exact", publisher.id],
      [b, "3425", "亿元", "exact", publisher.id],
    ]);
    const audit = await db.auditLog.findMany({
      where: { targetId: release.id, action: "release.sign_off_figures" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.details)).toEqual([
      { figures: [{ key: a, value: "587", unit: "个", qualifier: "exact" }] },
      { figures: [{ key: b, value: "3425", unit: "亿元", qualifier: "exact" }] },
    ]);
  });

  it("a changed value in pending changes needs a new confirmation before those changes publish", async () => {
    const { release, a, b } = await signOffRelease();
    await signOffFigures(publisher, release.id, { keys: [a, b] });
    const live = await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: release.version,
    });
    const input = releaseInput({
      slug: release.slug,
      title: release.title,
      editionId: release.editionId,
      body: release.body,
      figures: (await getReleaseFigures(release.id)).map((f) =>
        f.key === a ? { ...f, value: "600", mention: "600个" } : f,
      ),
    });
    const saved = await saveRelease(editor, release.id, {
      baseVersion: live.version,
      release: input,
      changeNote: { kind: "correction", note: "更正" },
    });
    expect(saved.pending).toBe(true);
    expect(
      (await getReleaseChecks(editor, release.id)).signOff.unconfirmed.map((f) => [f.key, f.display]),
    ).toEqual([[a, "600个"]]);
    const refused = await errorOf(
      publishPendingChanges(publisher, release.id, {
        baseVersion: saved.version,
        changeNote: { minor: true },
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("以下数据尚未经发布人确认，确认后才能发布：测试指标1（600个）");
    // A confirmation of a version the publisher did not see is refused.
    expect(
      (await errorOf(signOffFigures(publisher, release.id, { keys: [a], baseVersion: live.version }))).status,
    ).toBe(409);
    await signOffFigures(publisher, release.id, { keys: [a], baseVersion: saved.version });
    await publishPendingChanges(publisher, release.id, {
      baseVersion: saved.version,
      changeNote: { minor: true },
    });
    expect(
      (await db.figure.findFirstOrThrow({ where: { releaseId: release.id, key: a } })).value.toString(),
    ).toBe("600");
  });

  it("a publisher's own save of changed live figures waits as pending changes until they are confirmed", async () => {
    const { release, a, b } = await signOffRelease();
    await signOffFigures(publisher, release.id, { keys: [a, b] });
    const live = await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: release.version,
    });
    const figures = await getReleaseFigures(release.id);
    const base = {
      slug: release.slug,
      title: release.title,
      editionId: release.editionId,
      body: release.body,
    };
    // Unchanged figures (a title edit) go live at once.
    const retitled = await saveRelease(publisher, release.id, {
      baseVersion: live.version,
      release: releaseInput({ ...base, title: `${release.title}（修订）`, figures }),
      changeNote: { minor: true },
    });
    expect(retitled.pending).toBe(false);
    const changedSave = await saveRelease(publisher, release.id, {
      baseVersion: retitled.version,
      release: releaseInput({
        ...base,
        figures: figures.map((f) => (f.key === b ? { ...f, value: "3500" } : f)),
      }),
      changeNote: { kind: "correction", note: "投资额更正" },
    });
    expect(changedSave.pending).toBe(true);
    expect(
      (await db.figure.findFirstOrThrow({ where: { releaseId: release.id, key: b } })).value.toString(),
    ).toBe("3425");
    await signOffFigures(publisher, release.id, { keys: [b], baseVersion: changedSave.version });
    await publishPendingChanges(publisher, release.id, {
      baseVersion: changedSave.version,
      changeNote: { kind: "correction", note: "投资额更正" },
    });
    expect(
      (await db.figure.findFirstOrThrow({ where: { releaseId: release.id, key: b } })).value.toString(),
    ).toBe("3500");
  });

  it("refuses keys the release does not have, hostile keys and oversized lists; concurrent confirmations both succeed", async () => {
    const { release, a, b } = await signOffRelease();
    const unknown = await errorOf(signOffFigures(publisher, release.id, { keys: [a, "no_such_key"] }));
    expect(unknown.status).toBe(422);
    expect(unknown.message).toBe("稿件中没有这些数据：no_such_key");
    expect(
      (await errorOf(signOffFigures(publisher, release.id, { keys: ["x'); DROP TABLE release; --"] })))
        .status,
    ).toBe(422);
    expect((await errorOf(signOffFigures(publisher, release.id, { keys: [] }))).message).toBe(
      "提交的内容有误，请检查标出的字段。",
    );
    expect(
      (await errorOf(signOffFigures(publisher, release.id, { keys: Array.from({ length: 301 }, () => a) })))
        .status,
    ).toBe(422);
    expect((await errorOf(signOffFigures(publisher, release.id, "keys"))).status).toBe(422);
    expect(await db.figureSignOff.count({ where: { releaseId: release.id } })).toBe(0);

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => signOffFigures(publisher, release.id, { keys: [a, b] })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    expect(await db.figureSignOff.count({ where: { releaseId: release.id } })).toBe(2);
  });

  it("an edition without sign-off publishes with no confirmation", async () => {
    const { editions } = await fictionalEvent();
    const release = await currentRelease(editions[2023].id, [
      { key: `k_${hex()}`, value: "5", unit: "个", isRecord: false },
    ]);
    expect((await getReleaseChecks(editor, release.id)).signOff).toEqual({
      required: false,
      unconfirmed: [],
    });
    await transitionRelease(publisher, release.id, { action: "publish", baseVersion: release.version });
  });
});

async function getReleaseFigures(releaseId: string) {
  const figures = await db.figure.findMany({ where: { releaseId }, orderBy: { sortOrder: "asc" } });
  return figures.map((f) => ({
    key: f.key,
    label: f.label,
    value: f.value.toString(),
    unit: f.unit,
    qualifier: f.qualifier,
    isRecord: f.isRecord,
    recordNote: f.recordNote,
    mention: f.mention,
  }));
}
