import type { Metadata } from "next";
import { wasPublic } from "@/lib/publication/visibility";
import { notFound } from "next/navigation";
import { ReleaseEditor } from "@/components/admin/ReleaseEditor";
import { TranslationPanel } from "@/components/admin/TranslationPanel";
import { getTranslationPanel } from "@/lib/translations/queries";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { editionChoiceLabel } from "@/lib/editions/edition-line";
import { AppError } from "@/lib/errors";
import { listMedia } from "@/lib/media/upload-media";
import { can } from "@/lib/permissions";
import { getReleaseForEditing, listEditorOptions } from "@/lib/releases/admin-queries";
import { getReleaseChecks } from "@/lib/releases/figure-checks";
import { releaseFormSchema } from "@/lib/releases/editor-form-schema";
import { snapshotToForm } from "@/lib/releases/editor-form";
import { isLive } from "@/lib/publication/visibility";
import { listPreviewLinks } from "@/lib/releases/preview";
import { effectiveStatus, TRANSITIONS, type WorkflowAction } from "@/lib/releases/workflow";

export const metadata: Metadata = { title: "编辑稿件" };

export default async function EditReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaffPage();
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const loaded = await getReleaseForEditing(user, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const { release, snapshot, autosave } = loaded;
  const [options, media, links, checks, translation] = await Promise.all([
    listEditorOptions(user),
    listMedia(user),
    listPreviewLinks(user, id),
    getReleaseChecks(user, id),
    getTranslationPanel(user, id),
  ]);
  const allowed = (Object.keys(TRANSITIONS) as WorkflowAction[]).filter((a) =>
    can(user, TRANSITIONS[a].permission),
  );
  const savedDraft = autosave ? releaseFormSchema.safeParse(autosave.data) : null;

  return (
    <div className="admin-page">
      <h1 className="visually-hidden">编辑稿件：{release.title}</h1>
      <ReleaseEditor
        key={release.version}
        releaseId={release.id}
        userId={user.id}
        version={release.version}
        initial={snapshotToForm(snapshot)}
        autosave={
          autosave && savedDraft?.success
            ? {
                baseVersion: autosave.baseVersion,
                savedAt: autosave.savedAt.toISOString(),
                data: savedDraft.data,
              }
            : null
        }
        wasPublished={wasPublic(release)}
        checks={checks}
        canSignOff={can(user, "figure.sign_off")}
        sidePanels={translation && <TranslationPanel releaseId={release.id} {...translation} />}
        pending={release.pendingRevisionId ? { returnedNote: release.pendingReturnNote } : null}
        savesArePending={isLive(release) && !can(user, "release.publish")}
        options={{
          categories: options.categories,
          editions: options.editions.map((e) => ({ id: e.id, label: editionChoiceLabel(e) })),
          media: media.map((m) => ({
            id: m.id,
            url: `/media/${m.id}`,
            alt: m.alt,
            caption: m.caption,
            credit: m.credit,
          })),
        }}
        workflow={{
          releaseId: release.id,
          slug: release.slug,
          status: release.status,
          shownStatus: effectiveStatus(release),
          publishAt: release.publishAt?.toISOString() ?? null,
          allowed,
          canLink: can(user, "preview.link"),
          canDelete: can(user, "release.delete") && !wasPublic(release),
          links: links.map((l) => ({
            id: l.id,
            expiresAt: l.expiresAt.toISOString(),
            revokedAt: l.revokedAt?.toISOString() ?? null,
          })),
          oldSlugs: release.slugRedirects.map((r) => r.slug),
          canReleaseSlugs: can(user, "slug.release"),
        }}
      />
    </div>
  );
}
