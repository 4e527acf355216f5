"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { figureFromSelection } from "@/lib/figures/figure-from-text";
import { snapshotToForm, type ReleaseForm } from "@/lib/releases/editor-form";
import { mergeConflict, type FieldChoices } from "@/lib/releases/merge-conflict";
import type { ReleaseChecks } from "@/lib/releases/figure-checks";
import { callApi } from "./api-client";
import { ChangeNoteFields, type ChangeNoteValue } from "./ChangeNoteFields";
import { ConflictPanel } from "./ConflictPanel";
import { draftCopyKey } from "./draft-copies";
import { figureErrorPath, firstErrorPath } from "./editor/error-order";
import { CheckField, OptionalSelect, TextAreaField, TextField } from "./editor/Field";
import { FigureGrid, type FigureGridHandle } from "./editor/FigureGrid";
import { savedStatus, timeOf, UNSAVED_STATUS } from "./editor/save-status";
import { useAutosave } from "./editor/use-autosave";
import { useDraftRecovery } from "./editor/use-draft-recovery";
import { useFigureKeys } from "./editor/use-figure-keys";
import { BodyEditor } from "./editor/BodyEditor";
import type { FigureSelection, MediaChoice } from "./editor/RteToolbar";
import { FigureChecks } from "./FigureChecks";
import { SignOffPanel } from "./SignOffPanel";
import { useReleaseChecks } from "./use-release-checks";
import { WorkflowPanel, type WorkflowProps } from "./WorkflowPanel";

/** Where the page shows a top-level field that has no input of that name. */
const FIELD_SELECTORS: Record<string, string> = {
  body: ".rte-content",
  "changeNote.note": '[name="changeNote"]',
};

interface Props {
  releaseId: string;
  /** The signed-in user: this browser's copy of unsaved typing is theirs only. */
  userId: string;
  version: number;
  initial: ReleaseForm;
  /** The server copy of this editor's unsaved typing, if any. */
  autosave: { baseVersion: number; savedAt: string; data: ReleaseForm } | null;
  wasPublished: boolean;
  /** Edits of this live release wait for a publisher (and why they were sent back, if they were). */
  pending: { returnedNote: string | null } | null;
  /** The user's saves of a live release become pending changes (they may not publish). */
  savesArePending: boolean;
  options: {
    categories: Array<{ id: string; name: string }>;
    editions: Array<{ id: string; label: string }>;
    media: MediaChoice[];
  };
  workflow: Omit<WorkflowProps, "version" | "dirty" | "statedPublishAt">;
  /** The figure checks of the saved content (refreshed after each save) and whether the user may sign off. */
  checks: ReleaseChecks;
  canSignOff: boolean;
  /** More panels for the side column (the English translation's). */
  sidePanels?: React.ReactNode;
}

export function ReleaseEditor({
  releaseId,
  userId,
  version: initialVersion,
  initial,
  autosave,
  wasPublished,
  pending: initialPending,
  savesArePending,
  options,
  workflow,
  checks: initialChecks,
  canSignOff,
  sidePanels,
}: Props) {
  const [pending, setPending] = useState(initialPending);
  const [form, setForm] = useState<ReleaseForm>(initial);
  // The form as saved at `version`: what a conflict measures each side's changes against.
  const [base, setBase] = useState<ReleaseForm>(initial);
  const [version, setVersion] = useState(initialVersion);
  const checks = useReleaseChecks(releaseId, version, initialChecks);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState(`已保存（第 ${initialVersion} 版）`);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{
    theirs: ReleaseForm;
    version: number;
    updatedBy: string | null;
    /** Set when the conflict is a restored offer made against this older version. */
    recoveredFrom?: number;
    /** That offer's work, as restored. */
    restored?: ReleaseForm;
  } | null>(null);
  const [choices, setChoices] = useState<FieldChoices>({});
  const [changeNote, setChangeNote] = useState<ChangeNoteValue>({ minor: false, kind: "update", note: "" });
  const copyKey = draftCopyKey(userId, releaseId);
  // Copies are tagged with the version the form's changes are measured against: during a restored
  // offer's merge that is the offer's own, so a reload offers it for the same merge again.
  const autosaver = useAutosave({
    releaseId,
    copyKey,
    form,
    version: conflict?.recoveredFrom ?? version,
    dirty,
    onStatus: setStatus,
  });
  const drafts = useDraftRecovery({ userId, copyKey, saved: initial, serverCopy: autosave });
  const figureKeys = useFigureKeys();
  const grid = useRef<FigureGridHandle>(null);
  // 标为数据 waits for the registry: it must add to the figures as they are then.
  const latestForm = useRef(form);
  useEffect(() => {
    latestForm.current = form;
  });

  function change(patch: Partial<ReleaseForm>) {
    setForm((prev) => ({ ...prev, ...patch }));
    setDirty(true);
    setStatus(UNSAVED_STATUS);
    autosaver.schedule();
  }

  /** After a refused save: the first problem, top to bottom, gets the focus. */
  function showFirstError(fields: Record<string, string>) {
    const path = firstErrorPath(fields);
    if (!path) return;
    const figure = figureErrorPath(path);
    if (figure) return grid.current?.focusField(figure.index, figure.field);
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>(
        FIELD_SELECTORS[path] ?? `[name="${CSS.escape(path)}"]`,
      );
      target?.focus();
      target?.scrollIntoView({ block: "center" });
    });
  }

  async function markFigure(selection: FigureSelection) {
    const registry = await figureKeys.load();
    const figures = latestForm.current.figures;
    const existing = figures.findIndex((f) => f.mention === selection.mention);
    if (existing >= 0) {
      setStatus(`“${selection.mention}”已是第 ${existing + 1} 项数据`);
      return grid.current?.focusField(existing, "value");
    }
    const figure = figureFromSelection(selection.mention, selection.sentence, figures, registry);
    if (!figure) return;
    change({ figures: [...figures, figure] });
    grid.current?.focusField(figures.length, figure.label ? "value" : "label");
  }

  async function save(options: { overwrite?: boolean; data?: ReleaseForm; baseVersion?: number } = {}) {
    autosaver.cancel();
    const data = options.data ?? form;
    setSaving(true);
    setFormError("");
    await autosaver.settle();
    const result = await callApi<{ version: number; slug: string; pending: boolean }>(
      `/api/admin/releases/${releaseId}`,
      "PUT",
      {
        baseVersion: options.baseVersion ?? version,
        release: data,
        changeNote,
        overwrite: options.overwrite ?? false,
      },
    );
    setSaving(false);
    if (result.ok) {
      setVersion(result.data.version);
      setForm(data);
      setBase(data);
      setDirty(false);
      setErrors({});
      setConflict(null);
      setChangeNote({ minor: false, kind: "update", note: "" });
      localStorage.removeItem(copyKey);
      setPending(result.data.pending ? { returnedNote: null } : null);
      setStatus(savedStatus(result.data.version, result.data.pending));
      return;
    }
    const { error } = result;
    if (error.status === 409 && error.details.current) {
      // zod (31 KB gzipped) is loaded only for a conflict, not with the editor.
      const { releaseSnapshotSchema } = await import("@/lib/releases/snapshot");
      setConflict({
        theirs: snapshotToForm(releaseSnapshotSchema.parse(error.details.current)),
        version: Number(error.details.currentVersion),
        updatedBy: typeof error.details.updatedBy === "string" ? error.details.updatedBy : null,
        // A save during a restored offer's merge: the form is still measured against the offer's
        // version (base is still that version's form), and its copies must keep saying so.
        recoveredFrom: conflict?.recoveredFrom,
        restored: conflict?.restored,
      });
      setChoices({});
      setStatus("保存冲突：请处理下方的冲突");
      return;
    }
    setErrors(error.fields);
    setFormError(error.message);
    setStatus(Object.keys(error.fields).length ? "未保存：请修改标出的内容" : "未保存");
    showFirstError(error.fields);
  }

  /** Saves the conflict screen's choices on top of the version it was measured against. */
  function saveMerged(open: { theirs: ReleaseForm; version: number }) {
    return save({ data: mergeConflict(form, open.theirs, base, choices), baseVersion: open.version });
  }

  /**
   * Restores the offer shown. Work made against the version on screen is applied as an edit; work
   * made against an older one goes through the conflict screen against that version, so a field
   * only a later save changed keeps the later value instead of being undone.
   */
  async function restoreOffer() {
    const offer = drafts.recovery;
    // One merge at a time: a save conflict on screen is settled first (the button says so).
    if (!offer || conflict) return;
    const older = offer.baseVersion !== undefined && offer.baseVersion < version;
    let offerBase: ReleaseForm | null = null;
    if (older) {
      const result = await callApi<{ snapshot: unknown }>(
        `/api/admin/releases/${releaseId}/revisions/${offer.baseVersion}`,
        "GET",
      );
      if (!result.ok) return setFormError(`无法恢复：${result.error.message}（这份修改仍保留，可稍后再试）`);
      const { releaseSnapshotSchema } = await import("@/lib/releases/snapshot");
      offerBase = snapshotToForm(releaseSnapshotSchema.parse(result.data.snapshot));
    }
    // What the form holds now (typing may have gone on while the older version was fetched).
    const taken = drafts.accept(latestForm.current, base, version);
    if (!taken) return;
    if (!offerBase) return change(taken.data);
    setFormError("");
    setConflict({
      theirs: base,
      version,
      updatedBy: null,
      recoveredFrom: offer.baseVersion,
      restored: taken.data,
    });
    setChoices({});
    setBase(offerBase);
    change(taken.data);
    setStatus("恢复的修改基于较早的版本：请在下方确认合并");
  }

  /**
   * Work the editor discarded or ignored goes from the server too (after any autosave still on its
   * way), so it is not offered again: the server drops its copy only if it holds that very work, so
   * a copy of other work (another device's, never shown here) stays.
   */
  async function discardServerCopy(work: ReleaseForm[], { settleFirst }: { settleFirst: boolean }) {
    if (settleFirst) await autosaver.settle();
    await callApi(`/api/admin/releases/${releaseId}/autosave`, "DELETE", { work });
  }

  return (
    <div className="editor">
      <div className="editor-bar" role="status" aria-live="polite">
        <span data-testid="save-status">{status}</span>
        <span className="editor-bar__links">
          {/* The preview shows the saved version: said so while there is unsaved work. */}
          <Link href={`/admin/releases/${releaseId}/preview`} target="_blank" data-testid="preview-link">
            {dirty ? "预览已保存的版本（不含未保存的修改）" : "预览"}
          </Link>
          <Link href={`/admin/releases/${releaseId}/history`}>历史版本</Link>
        </span>
        {/* With a restored offer's merge open, saving is that merge: the form alone would undo later saves. */}
        <button
          type="button"
          className="button"
          onClick={() => void (conflict?.recoveredFrom !== undefined ? saveMerged(conflict) : save())}
          disabled={saving}
        >
          {saving ? "正在保存…" : "保存"}
        </button>
      </div>

      {pending && (
        <div className="notice notice--pending" role="status" data-testid="pending-notice">
          <strong>有待发布的修改</strong>：读者仍看到已发布的版本，发布人审核后才会公开。{" "}
          <Link href={`/admin/releases/${releaseId}/review`}>查看修改对比</Link>
          {pending.returnedNote && (
            <>
              <br />
              发布人已退回：{pending.returnedNote}
            </>
          )}
        </div>
      )}
      {!pending && savesArePending && (
        <p className="notice" role="note">
          这篇稿件已公开：您保存的修改将等待发布人审核后才会公开。
        </p>
      )}
      {drafts.recovery && (
        <div className="notice" role="alert">
          发现 {timeOf(new Date(drafts.recovery.savedAt))} 未保存的修改（{drafts.recovery.source}）
          {drafts.waiting > 0 && `，另有 ${drafts.waiting} 份待处理`}。
          {conflict && "请先处理下方的冲突，再恢复。"}
          <button
            type="button"
            className="link-button"
            onClick={() => void restoreOffer()}
            disabled={conflict !== null}
          >
            恢复这些修改
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const ignored = drafts.recovery;
              drafts.ignore();
              // Not settled first: an autosave of the work typed now must still go out.
              if (ignored) void discardServerCopy([ignored.data], { settleFirst: false });
            }}
          >
            忽略
          </button>
        </div>
      )}
      {conflict && (
        <ConflictPanel
          mine={form}
          theirs={conflict.theirs}
          base={base}
          theirVersion={conflict.version}
          updatedBy={conflict.updatedBy}
          recoveredFrom={conflict.recoveredFrom}
          choices={choices}
          onChoose={(field, choice) => setChoices((c) => ({ ...c, [field]: choice }))}
          onMerge={() => void saveMerged(conflict)}
          onOverwrite={() => void save({ overwrite: true, baseVersion: conflict.version })}
          onDiscard={() => {
            localStorage.removeItem(copyKey);
            // Settled first: the form is replaced, and an autosave of it must not land after the delete.
            void discardServerCopy(conflict.restored ? [form, conflict.restored] : [form], {
              settleFirst: true,
            });
            setForm(conflict.theirs);
            setBase(conflict.theirs);
            setVersion(conflict.version);
            setDirty(false);
            setConflict(null);
            setStatus(`已载入第 ${conflict.version} 版`);
          }}
        />
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      <div className="editor-grid">
        <div className="editor-main">
          <TextField
            name="title"
            label="标题"
            value={form.title}
            error={errors.title}
            onValue={(title) => change({ title })}
          />
          <TextField
            name="slug"
            label="网址别名"
            value={form.slug}
            error={errors.slug}
            onValue={(slug) => change({ slug })}
          />
          <TextAreaField
            name="summary"
            label="摘要"
            rows={3}
            value={form.summary}
            error={errors.summary}
            onValue={(summary) => change({ summary })}
          />
          <div className="field">
            <span id="body-label">正文</span>
            <BodyEditor
              value={form.body}
              onChange={(body) => change({ body })}
              media={options.media}
              labelledBy="body-label"
              onMarkFigure={markFigure}
            />
            {errors.body && (
              <em className="field-error" id="body-error">
                {errors.body}
              </em>
            )}
          </div>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title">数据（{form.figures.length} 项）</h2>
            <FigureGrid
              ref={grid}
              figures={form.figures}
              onChange={(figures) => change({ figures })}
              errors={errors}
              registry={figureKeys.keys}
              onNeedRegistry={() => void figureKeys.load()}
            />
          </section>
          <FigureChecks
            claims={checks.checks.claims}
            consistency={checks.checks.consistency}
            note={
              checks.error || (dirty ? "有未保存的修改：核对结果按上次保存的内容，保存后更新。" : undefined)
            }
          />
        </div>

        <aside className="editor-side">
          <WorkflowPanel
            {...workflow}
            version={version}
            dirty={dirty}
            statedPublishAt={wasPublished ? "" : form.statedPublishAt}
          />
          {sidePanels}
          <SignOffPanel
            releaseId={releaseId}
            version={version}
            signOff={checks.checks.signOff}
            canSignOff={canSignOff}
            dirty={dirty}
            onSigned={checks.refresh}
          />
          <fieldset className="panel">
            <legend>稿件信息</legend>
            <OptionalSelect
              name="categoryId"
              label="分类"
              error={errors.categoryId}
              value={form.categoryId}
              choices={options.categories.map((c) => ({ id: c.id, label: c.name }))}
              onValue={(categoryId) => change({ categoryId })}
            />
            <OptionalSelect
              name="editionId"
              label="届次"
              error={errors.editionId}
              value={form.editionId}
              choices={options.editions}
              onValue={(editionId) => change({ editionId })}
            />
            <CheckField
              name="isEditionResults"
              label="本届成果发布稿（每届每种语言一篇）"
              checked={form.isEditionResults}
              error={errors.isEditionResults}
              onChecked={(isEditionResults) => change({ isEditionResults })}
            />
            <TextField
              name="tags"
              label="标签（用逗号分隔）"
              value={form.tags.join("，")}
              error={errors.tags}
              onValue={(tags) =>
                change({
                  tags: tags
                    .split(/[,，]/)
                    .map((t) => t.trim())
                    .filter(Boolean),
                })
              }
            />
            <TextField
              name="sourceName"
              label="来源"
              value={form.sourceName}
              error={errors.sourceName}
              onValue={(sourceName) => change({ sourceName })}
            />
            <TextField
              name="sourceUrl"
              label="来源网址"
              type="url"
              placeholder="https://"
              value={form.sourceUrl}
              error={errors.sourceUrl}
              onValue={(sourceUrl) => change({ sourceUrl })}
            />
            <TextField
              name="byline"
              label="作者"
              value={form.byline}
              error={errors.byline}
              onValue={(byline) => change({ byline })}
            />
            <TextField
              name="statedPublishAt"
              label="原文发布时间（北京时间）"
              type="datetime-local"
              step={1}
              value={form.statedPublishAt}
              error={errors.statedPublishAt}
              aria-describedby={
                errors.statedPublishAt ? "statedPublishAt-error statedPublishAt-hint" : "statedPublishAt-hint"
              }
              onValue={(statedPublishAt) => change({ statedPublishAt })}
            />
            <p className="muted small" id="statedPublishAt-hint">
              原文写明的发布时间，留空表示没有。首次发布时可按此时间发布（列表和订阅按它排序）。
            </p>
            <OptionalSelect
              name="leadImageId"
              label="题图"
              error={errors.leadImageId}
              value={form.leadImageId}
              choices={options.media.map((m) => ({ id: m.id, label: m.alt }))}
              onValue={(leadImageId) => change({ leadImageId })}
            />
          </fieldset>
          {wasPublished && (
            <fieldset className="panel">
              <legend>更正/更新说明（公开显示）</legend>
              <ChangeNoteFields
                value={changeNote}
                onChange={setChangeNote}
                error={errors["changeNote.note"]}
                noteLabel="说明"
              />
            </fieldset>
          )}
        </aside>
      </div>
    </div>
  );
}
