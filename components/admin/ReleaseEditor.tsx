"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { snapshotToForm, type ReleaseForm } from "@/lib/releases/editor-form";
import type { ReleaseChecks } from "@/lib/releases/figure-checks";
import { releaseSnapshotSchema } from "@/lib/releases/snapshot";
import { slugify } from "@/lib/releases/slug";
import { callApi } from "./api-client";
import { ChangeNoteFields, type ChangeNoteValue } from "./ChangeNoteFields";
import { ConflictPanel, type FieldChoice } from "./ConflictPanel";
import { clearDraftCopies, draftCopyKey, readDraftCopy } from "./draft-copies";
import { FigureChecks } from "./FigureChecks";
import { FigureTableEditor } from "./FigureTableEditor";
import { RichTextEditor, type MediaChoice } from "./RichTextEditor";
import { SignOffPanel } from "./SignOffPanel";
import { useReleaseChecks } from "./use-release-checks";
import { WorkflowPanel, type WorkflowProps } from "./WorkflowPanel";

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
  workflow: Omit<WorkflowProps, "version" | "dirty">;
  /** The figure checks of the saved content (refreshed after each save) and whether the user may sign off. */
  checks: ReleaseChecks;
  canSignOff: boolean;
}

const AUTOSAVE_DELAY_MS = 1500;
const timeOf = (d: Date) => d.toLocaleTimeString("zh-CN", { hour12: false });

function TextField({
  name,
  label,
  value,
  error,
  onValue,
  ...rest
}: { name: string; label: string; value: string; error?: string; onValue: (v: string) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "onChange" | "value"
>) {
  return (
    <label className={error ? "field field--error" : "field"}>
      <span>{label}</span>
      <input
        name={name}
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${name}-error` : undefined}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
      {error && (
        <em className="field-error" id={`${name}-error`}>
          {error}
        </em>
      )}
    </label>
  );
}

/** A choice that may be left empty (category, edition, lead image). */
function OptionalSelect({
  label,
  value,
  choices,
  onValue,
}: {
  label: string;
  value: string;
  choices: { id: string; label: string }[];
  onValue: (v: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onValue(e.target.value)}>
        <option value="">（无）</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
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
}: Props) {
  const [pending, setPending] = useState(initialPending);
  const [form, setForm] = useState<ReleaseForm>(initial);
  const [version, setVersion] = useState(initialVersion);
  const checks = useReleaseChecks(releaseId, version, initialChecks);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState(`已保存（第 ${initialVersion} 版）`);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [saving, setSaving] = useState(false);
  const [recovery, setRecovery] = useState<{ data: ReleaseForm; savedAt: string; source: string } | null>(
    null,
  );
  const [conflict, setConflict] = useState<{
    theirs: ReleaseForm;
    version: number;
    updatedBy: string | null;
  } | null>(null);
  const [choices, setChoices] = useState<Partial<Record<keyof ReleaseForm, FieldChoice>>>({});
  const [changeNote, setChangeNote] = useState<ChangeNoteValue>({ minor: false, kind: "update", note: "" });
  const [slugTouched, setSlugTouched] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const copyKey = draftCopyKey(userId, releaseId);
  const latest = useRef({ form, version, dirty });
  useEffect(() => {
    latest.current = { form, version, dirty };
  });

  // Unsaved work found on the server or in this browser is offered back, never applied silently.
  useEffect(() => {
    clearDraftCopies(localStorage, userId);
    const parsed = readDraftCopy<{ data: ReleaseForm; savedAt: string; baseVersion: number }>(
      localStorage,
      copyKey,
    );
    const candidates = [
      parsed && { ...parsed, source: "本机浏览器" },
      autosave && { ...autosave, source: "服务器自动保存" },
    ].filter(
      (c): c is NonNullable<typeof c> => Boolean(c) && JSON.stringify(c!.data) !== JSON.stringify(initial),
    );
    candidates.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    const best = candidates[0];
    // Read after mount (localStorage does not exist on the server), shown on the next tick.
    const shown = best
      ? setTimeout(() => setRecovery({ data: best.data, savedAt: best.savedAt, source: best.source }), 0)
      : undefined;
    return () => clearTimeout(shown);
  }, [copyKey, userId, autosave, initial]);

  // Every keystroke is in localStorage at once: a closed tab or a dead network loses nothing.
  useEffect(() => {
    if (dirty)
      localStorage.setItem(
        copyKey,
        JSON.stringify({ data: form, savedAt: new Date().toISOString(), baseVersion: version }),
      );
  }, [dirty, form, copyKey, version]);

  const pushAutosave = useCallback(async () => {
    const { form: data, version: base } = latest.current;
    const result = await callApi<{ savedAt: string }>(`/api/admin/releases/${releaseId}/autosave`, "POST", {
      baseVersion: base,
      data,
    });
    setStatus(
      result.ok
        ? `已自动保存 ${timeOf(new Date(result.data.savedAt))}`
        : `自动保存失败：${result.error.message}`,
    );
  }, [releaseId]);

  function change(patch: Partial<ReleaseForm>) {
    setForm((prev) => ({ ...prev, ...patch }));
    setDirty(true);
    setStatus("有未保存的修改…");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(pushAutosave, AUTOSAVE_DELAY_MS);
  }

  useEffect(() => {
    const flush = () => {
      if (latest.current.dirty) void pushAutosave();
    };
    const warn = (e: BeforeUnloadEvent) => {
      if (!latest.current.dirty) return;
      flush();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("visibilitychange", flush);
    };
  }, [pushAutosave]);

  async function save(options: { overwrite?: boolean; data?: ReleaseForm; baseVersion?: number } = {}) {
    if (timer.current) clearTimeout(timer.current);
    const data = options.data ?? form;
    setSaving(true);
    setFormError("");
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
      setDirty(false);
      setErrors({});
      setConflict(null);
      setChangeNote({ minor: false, kind: "update", note: "" });
      localStorage.removeItem(copyKey);
      setPending(result.data.pending ? { returnedNote: null } : null);
      setStatus(
        `${result.data.pending ? "已保存为待发布的修改" : "已保存"}（第 ${result.data.version} 版）${timeOf(new Date())}`,
      );
      return;
    }
    const { error } = result;
    if (error.status === 409 && error.details.current) {
      setConflict({
        theirs: snapshotToForm(releaseSnapshotSchema.parse(error.details.current)),
        version: Number(error.details.currentVersion),
        updatedBy: typeof error.details.updatedBy === "string" ? error.details.updatedBy : null,
      });
      setChoices({});
      setStatus("保存冲突：请处理下方的冲突");
      return;
    }
    setErrors(error.fields);
    setFormError(error.message);
    setStatus(Object.keys(error.fields).length ? "未保存：请修改标出的内容" : "未保存");
  }

  const fieldError = (name: string) =>
    errors[name] && (
      <em className="field-error" id={`${name}-error`}>
        {errors[name]}
      </em>
    );
  return (
    <div className="editor">
      <div className="editor-bar" role="status" aria-live="polite">
        <span data-testid="save-status">{status}</span>
        <span className="editor-bar__links">
          <Link href={`/admin/releases/${releaseId}/preview`} target="_blank">
            预览
          </Link>
          <Link href={`/admin/releases/${releaseId}/history`}>历史版本</Link>
        </span>
        <button type="button" className="button" onClick={() => save()} disabled={saving}>
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
      {recovery && (
        <div className="notice" role="alert">
          发现 {timeOf(new Date(recovery.savedAt))} 未保存的修改（{recovery.source}）。
          <button
            type="button"
            className="link-button"
            onClick={() => {
              change(recovery.data);
              setRecovery(null);
            }}
          >
            恢复这些修改
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              localStorage.removeItem(copyKey);
              setRecovery(null);
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
          theirVersion={conflict.version}
          updatedBy={conflict.updatedBy}
          choices={choices}
          onChoose={(field, choice) => setChoices((c) => ({ ...c, [field]: choice }))}
          onMerge={() => {
            const merged = { ...form };
            for (const [field, choice] of Object.entries(choices))
              if (choice === "theirs")
                Object.assign(merged, { [field]: conflict.theirs[field as keyof ReleaseForm] });
            void save({ data: merged, baseVersion: conflict.version });
          }}
          onOverwrite={() => void save({ overwrite: true })}
          onDiscard={() => {
            localStorage.removeItem(copyKey);
            setForm(conflict.theirs);
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
            onValue={(title) => change({ title, ...(slugTouched ? {} : { slug: slugify(title) }) })}
          />
          <TextField
            name="slug"
            label="网址别名"
            value={form.slug}
            error={errors.slug}
            onValue={(slug) => {
              setSlugTouched(true);
              change({ slug });
            }}
          />
          <label className={errors.summary ? "field field--error" : "field"}>
            <span>摘要</span>
            <textarea
              name="summary"
              rows={3}
              value={form.summary}
              onChange={(e) => change({ summary: e.target.value })}
            />
            {fieldError("summary")}
          </label>
          <div className="field">
            <span id="body-label">正文</span>
            <RichTextEditor
              value={form.body}
              onChange={(body) => change({ body })}
              media={options.media}
              labelledBy="body-label"
            />
            {fieldError("body")}
          </div>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title">数据（{form.figures.length} 项）</h2>
            <FigureTableEditor
              figures={form.figures}
              onChange={(figures) => change({ figures })}
              errors={errors}
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
          <WorkflowPanel {...workflow} version={version} dirty={dirty} />
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
              label="分类"
              value={form.categoryId}
              choices={options.categories.map((c) => ({ id: c.id, label: c.name }))}
              onValue={(categoryId) => change({ categoryId })}
            />
            <OptionalSelect
              label="届次"
              value={form.editionId}
              choices={options.editions}
              onValue={(editionId) => change({ editionId })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={form.isEditionResults}
                onChange={(e) => change({ isEditionResults: e.target.checked })}
              />
              本届成果发布稿（每届每种语言一篇）
            </label>
            {fieldError("isEditionResults")}
            <label className="field">
              <span>标签（用逗号分隔）</span>
              <input
                value={form.tags.join("，")}
                onChange={(e) =>
                  change({
                    tags: e.target.value
                      .split(/[,，]/)
                      .map((t) => t.trim())
                      .filter(Boolean),
                  })
                }
              />
              {fieldError("tags")}
            </label>
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
            <OptionalSelect
              label="题图"
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
