import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listAuditLog } from "@/lib/audit/queries";
import { getRevisionSnapshot } from "@/lib/releases/admin-queries";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uploadMedia } from "@/lib/media/upload-media";
import { publishPendingChanges, returnPendingChanges } from "@/lib/publication/pending-changes";
import { releaseRetiredSlug } from "@/lib/publication/release-slug";
import { autosaveRelease, discardAutosave } from "@/lib/releases/autosave-release";
import { createRelease } from "@/lib/releases/create-release";
import { deleteRelease } from "@/lib/releases/delete-release";
import { createPreviewLink, getReleasePreview } from "@/lib/releases/preview";
import { getReleaseChecks } from "@/lib/releases/figure-checks";
import { restoreRevision } from "@/lib/releases/restore-revision";
import { saveRelease } from "@/lib/releases/save-release";
import { signOffFigures } from "@/lib/releases/sign-off-figures";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createUser, updateUser } from "@/lib/users/user-mutations";
import { createEdition, updateEdition } from "@/lib/editions/edition-mutations";
import { createEvent, updateEvent } from "@/lib/editions/event-mutations";
import { listEventsForAdmin } from "@/lib/editions/admin-queries";
import { mergeFigureKeys, renameFigureKey, updateFigureKey } from "@/lib/figures/registry-mutations";
import { listFigureKeys } from "@/lib/figures/registry-queries";
import { createDraft, createStaff, releaseInput } from "./staff";

type Role = "none" | "editor" | "publisher" | "admin";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let actors: Record<Role, Actor | null>;
let owner: Actor;
let testEventId: string;
let testEventSlug: string;
let testEditionId: string;
// What the registry and edition cases make in their setup, for stateOf to watch.
let scratchKey = "k_none";
let scratchEventId = "00000000-0000-0000-0000-000000000000";
const editionInput = { year: 2011, startDate: "2011-09-20", endDate: "2011-09-24", city: "测试市" };

beforeAll(async () => {
  owner = await createStaff("admin");
  actors = {
    none: null,
    editor: await createStaff("editor"),
    publisher: await createStaff("publisher"),
    admin: await createStaff("admin"),
  };
  testEventSlug = `ev-${crypto.randomUUID().slice(0, 8)}`;
  testEventId = (await createEvent(owner, { slug: testEventSlug, name: "测试活动" })).id;
  testEditionId = (await createEdition(owner, testEventId, editionInput)).id;
});

/** Everything a refused call could have touched, scoped so tests running in parallel do not disturb it. */
async function stateOf(releaseId: string, actor: Actor | null) {
  const release = await db.release.findUniqueOrThrow({
    where: { id: releaseId },
    // In a fixed order: PostgreSQL may return the same rows in another order on a second read.
    include: { figures: { orderBy: { sortOrder: "asc" } } },
  });
  const byActor = actor?.id ?? "00000000-0000-0000-0000-000000000000";
  return {
    release: { ...release, updatedAt: undefined },
    revisions: await db.revision.count({ where: { releaseId } }),
    audit: await db.auditLog.count({ where: { OR: [{ targetId: releaseId }, { actorId: byActor }] } }),
    releasesByActor: await db.release.count({ where: { createdById: byActor } }),
    media: await db.media.count({ where: { uploadedById: byActor } }),
    links: await db.previewLink.count({ where: { releaseId } }),
    autosaves: await db.autosave.count({ where: { releaseId } }),
    signOffs: await db.figureSignOff.count({ where: { releaseId } }),
    newUsers: await db.user.count({ where: { email: { startsWith: "refused-" } } }),
    events: await db.event.count({ where: { slug: { startsWith: "refused-" } } }),
    testEvent: await db.event.findUnique({ where: { id: testEventId }, include: { editions: true } }),
    scratchEvent: await db.event.findUnique({ where: { id: scratchEventId }, include: { editions: true } }),
    keys: await db.figureKey.findMany({
      where: { key: { in: [scratchKey, `${scratchKey}_b`, `${scratchKey}_new`, "signed_projects"] } },
      orderBy: { key: "asc" },
    }),
  };
}

type Mutation = {
  name: string;
  allowed: Role[];
  run: (actor: Actor | null, releaseId: string, version: number) => Promise<unknown>;
  /** Brings the release into the state the mutation needs; returns its version. */
  setup?: (releaseId: string, version: number) => Promise<number>;
};

/** Published by the owner, then edited by an editor: a live release with pending changes. */
async function withPendingChanges(releaseId: string, version: number) {
  const live = await transitionRelease(owner, releaseId, { action: "publish", baseVersion: version });
  const saved = await saveRelease(actors.editor, releaseId, {
    baseVersion: live.version,
    release: releaseInput({ title: "待发布的标题" }),
  });
  return saved.version;
}

const MUTATIONS: Mutation[] = [
  {
    name: "create release",
    allowed: ["editor", "publisher", "admin"],
    run: (a) => createRelease(a, releaseInput()),
  },
  {
    name: "save release",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id, v) => saveRelease(a, id, { baseVersion: v, release: releaseInput({ title: "改" }) }),
  },
  {
    name: "autosave",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id, v) => autosaveRelease(a, id, { baseVersion: v, data: { title: "半截" } }),
  },
  {
    name: "discard one's unsaved copy",
    allowed: ["editor", "publisher", "admin"],
    setup: async (id, v) => {
      await autosaveRelease(owner, id, { baseVersion: v, data: { title: "别人的半截" } });
      return v;
    },
    run: (a, id) => discardAutosave(a, id, { work: [{ title: "别人的半截" }] }),
  },
  {
    name: "submit for review",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id, v) => transitionRelease(a, id, { action: "submit", baseVersion: v }),
  },
  {
    name: "publish",
    allowed: ["publisher", "admin"],
    run: (a, id, v) => transitionRelease(a, id, { action: "publish", baseVersion: v }),
  },
  {
    name: "publish by the stated date",
    allowed: ["publisher", "admin"],
    setup: async (id, v) => {
      await db.release.update({ where: { id }, data: { statedPublishAt: new Date("2019-09-20T02:00:00Z") } });
      return v;
    },
    run: (a, id, v) =>
      transitionRelease(a, id, { action: "publish", baseVersion: v, publishAtSource: "stated" }),
  },
  {
    name: "schedule",
    allowed: ["publisher", "admin"],
    run: (a, id, v) =>
      transitionRelease(a, id, {
        action: "schedule",
        baseVersion: v,
        publishAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
  },
  {
    name: "delete",
    allowed: ["publisher", "admin"],
    run: (a, id, v) => deleteRelease(a, id, { baseVersion: v }),
  },
  {
    name: "archive",
    allowed: ["publisher", "admin"],
    run: (a, id, v) => transitionRelease(a, id, { action: "archive", baseVersion: v }),
  },
  {
    name: "restore revision",
    allowed: ["editor", "publisher", "admin"],
    run: async (a, id, v) =>
      restoreRevision(a, id, {
        baseVersion: v,
        revisionId: (await db.revision.findFirstOrThrow({ where: { releaseId: id } })).id,
      }),
  },
  {
    name: "release an old slug",
    allowed: ["publisher", "admin"],
    run: async (a, id) => {
      const slug = `old-${id}`;
      await db.slugRedirect.upsert({ where: { slug }, update: {}, create: { slug, releaseId: id } });
      return releaseRetiredSlug(a, { slug });
    },
  },
  {
    name: "publish pending changes",
    allowed: ["publisher", "admin"],
    setup: withPendingChanges,
    run: (a, id, v) => publishPendingChanges(a, id, { baseVersion: v, changeNote: { minor: true } }),
  },
  {
    name: "send back pending changes",
    allowed: ["publisher", "admin"],
    setup: withPendingChanges,
    run: (a, id, v) => returnPendingChanges(a, id, { baseVersion: v, note: "数字有误" }),
  },
  {
    name: "sign off figures",
    allowed: ["publisher", "admin"],
    run: (a, id, v) => signOffFigures(a, id, { keys: ["signed_projects"], baseVersion: v }),
  },
  {
    name: "read figure checks",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id) => getReleaseChecks(a, id),
  },
  {
    name: "read a saved version",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id, v) => getRevisionSnapshot(a, id, String(v)),
  },
  {
    name: "preview link",
    allowed: ["publisher", "admin"],
    run: (a, id) => createPreviewLink(a, id, { hours: 2 }),
  },
  {
    name: "staff preview",
    allowed: ["editor", "publisher", "admin"],
    run: (a, id) => getReleasePreview(a, id),
  },
  {
    name: "upload media",
    allowed: ["editor", "publisher", "admin"],
    run: (a) => uploadMedia(a, { bytes: PNG, name: "a.png" }, { alt: "图" }),
  },
  {
    name: "create user",
    allowed: ["admin"],
    run: (a) =>
      createUser(a, {
        email: `${a?.role === "admin" ? "made" : "refused"}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@x.example`,
        name: "新",
        role: "editor",
        password: "long-enough-password",
      }),
  },
  {
    name: "change role",
    allowed: ["admin"],
    run: (a) => createStaff("editor").then((u) => updateUser(a, u.id, { role: "publisher" })),
  },
  { name: "read audit log", allowed: ["admin"], run: (a) => listAuditLog(a) },
  {
    name: "create event",
    allowed: ["publisher", "admin"],
    run: (a) =>
      createEvent(a, {
        slug: `${a?.role === "publisher" || a?.role === "admin" ? "made" : "refused"}-${crypto.randomUUID().slice(0, 8)}`,
        name: "测试活动",
      }),
  },
  {
    name: "edit event",
    allowed: ["publisher", "admin"],
    run: (a) => updateEvent(a, testEventId, { slug: testEventSlug, name: `测试活动 ${Date.now()}` }),
  },
  {
    name: "create edition",
    allowed: ["publisher", "admin"],
    setup: async (_id, v) => {
      scratchEventId = (
        await createEvent(owner, { slug: `ev-${crypto.randomUUID().slice(0, 8)}`, name: "活动" })
      ).id;
      return v;
    },
    run: (a) => createEdition(a, scratchEventId, editionInput),
  },
  {
    name: "edit edition",
    allowed: ["publisher", "admin"],
    run: (a) => updateEdition(a, testEditionId, { ...editionInput, theme: `主题 ${Date.now()}` }),
  },
  { name: "list events", allowed: ["publisher", "admin"], run: (a) => listEventsForAdmin(a) },
  { name: "list figure keys", allowed: ["publisher", "admin"], run: (a) => listFigureKeys(a) },
  {
    name: "edit figure key",
    allowed: ["publisher", "admin"],
    run: (a) =>
      updateFigureKey(a, "signed_projects", { label: "合作签约项目", kind: "count", higherIsBetter: true }),
  },
  {
    name: "rename figure key",
    allowed: ["publisher", "admin"],
    setup: async (_id, v) => {
      scratchKey = `k_${crypto.randomUUID().slice(0, 8)}`;
      await db.figureKey.create({ data: { key: scratchKey, label: "临时", baseUnit: "个" } });
      return v;
    },
    run: (a) => renameFigureKey(a, scratchKey, { to: `${scratchKey}_new` }),
  },
  {
    name: "merge figure keys",
    allowed: ["publisher", "admin"],
    setup: async (_id, v) => {
      scratchKey = `k_${crypto.randomUUID().slice(0, 8)}`;
      await db.figureKey.createMany({
        data: [
          { key: scratchKey, label: "临时", baseUnit: "个" },
          { key: `${scratchKey}_b`, label: "临时", baseUnit: "个" },
        ],
      });
      return v;
    },
    run: (a) => mergeFigureKeys(a, scratchKey, { into: `${scratchKey}_b` }),
  },
];

describe.each(MUTATIONS)("$name", (mutation) => {
  const { allowed, run, name } = mutation;
  it.each(["none", "editor", "publisher", "admin"] as Role[])("as %s", async (role) => {
    const release = await createDraft(owner);
    const version = mutation.setup ? await mutation.setup(release.id, release.version) : release.version;
    const expected = allowed.includes(role) ? 200 : role === "none" ? 401 : 403;
    if (expected === 200) {
      await expect(run(actors[role], release.id, version)).resolves.toBeDefined();
      return;
    }
    // The "change role" case makes its target first: compare after that part.
    const before = name === "change role" ? null : await stateOf(release.id, actors[role]);
    const error = await run(actors[role], release.id, version).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(expected);
    if (before) expect(await stateOf(release.id, actors[role])).toEqual(before);
  });
});
