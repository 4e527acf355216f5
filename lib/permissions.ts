import type { Role } from "./generated/prisma/enums";

export type Permission =
  | "release.create"
  | "release.edit"
  | "release.submit"
  | "release.publish"
  | "release.unpublish"
  | "release.archive"
  | "release.delete"
  | "release.restore"
  | "release.preview"
  | "slug.release"
  | "figure.sign_off"
  | "preview.link"
  | "media.upload"
  | "edition.manage"
  | "figureKey.manage"
  | "user.manage"
  | "audit.view";

const EDITOR: Permission[] = [
  "release.create",
  "release.edit",
  "release.submit",
  "release.restore",
  "release.preview",
  "media.upload",
];
const PUBLISHER: Permission[] = [
  ...EDITOR,
  "release.publish",
  "release.unpublish",
  "release.archive",
  "release.delete",
  "preview.link",
  "slug.release",
  "figure.sign_off",
  "edition.manage",
  "figureKey.manage",
];
const ADMIN: Permission[] = [...PUBLISHER, "user.manage", "audit.view"];

/** Who may do what: the one table. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  editor: new Set(EDITOR),
  publisher: new Set(PUBLISHER),
  admin: new Set(ADMIN),
};

export const ROLE_LABELS: Record<Role, string> = { admin: "管理员", publisher: "发布人", editor: "编辑" };

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return Boolean(user && ROLE_PERMISSIONS[user.role]?.has(permission));
}
