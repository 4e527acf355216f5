"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toBeijingInput } from "@/lib/i18n/format-date";
import type { FigureProposal } from "@/lib/import/analyze-release";
import type { ImportReview } from "@/lib/import/import-release";
import { OptionalSelect, TextField } from "../editor/Field";
import { ReviewTable, type Row } from "./ReviewTable";

interface ApiError {
  error?: { message?: string; fields?: Array<{ path: string; message: string }> };
}

type Choice = { id: string; label: string };

/**
 * Paste or upload a release, review the proposed figures, choose its edition and category (the
 * text's suggestion preselected), create the draft. Nothing is saved before that.
 */
export function ImportAssistant({ editions, categories }: { editions: Choice[]; categories: Choice[] }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [proposal, setProposal] = useState<ImportReview | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [editionId, setEditionId] = useState("");
  const [categoryId, setCategoryId] = useState("");
  /** 原文发布时间 as the datetime-local input holds it (Beijing time); "" for none. */
  const [statedAt, setStatedAt] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function analyse(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData();
    if (file) form.set("file", file);
    else form.set("text", text);
    form.set("keepOriginalScript", String(keepOriginal));
    const response = await fetch("/api/admin/releases/import/analyze", { method: "POST", body: form });
    const body = (await response.json().catch(() => ({}))) as ImportReview & ApiError;
    setBusy(false);
    if (!response.ok) return setError(body.error?.message ?? "分析失败，请重试");
    setProposal(body);
    setEditionId(body.placement.editionId ?? "");
    setCategoryId(body.placement.categoryId ?? "");
    setStatedAt(body.release.publishedAt ? toBeijingInput(body.release.publishedAt) : "");
    setFieldErrors({});
    setRows(
      body.figures.map((f: FigureProposal) => ({
        ...f,
        // As release:import --save: a row is offered for acceptance when confident and named; an
        // unnamed one is accepted once the editor names it (e or Enter).
        status: f.confidence >= 0.5 && f.label ? "pending" : "rejected",
      })),
    );
  }

  async function createDraft() {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const figures = rows.filter((r) => r.status === "accepted");
    const response = await fetch("/api/admin/releases/import", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        release: { ...proposal.release, publishedAt: statedAt || null },
        editionId: editionId || null,
        categoryId: categoryId || null,
        figures,
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string } & ApiError;
    setBusy(false);
    if (!response.ok || !body.id) {
      const placementErrors = Object.fromEntries(
        (body.error?.fields ?? [])
          .filter((f) => ["editionId", "categoryId", "statedPublishAt"].includes(f.path))
          .map((f) => [f.path, f.message]),
      );
      setFieldErrors(placementErrors);
      // A refused figure is named by the row it came from, so the editor can find and mend it.
      const figureErrors = (body.error?.fields ?? []).flatMap((f) => {
        const [, index, field] = f.path.split(".");
        const row = field ? figures[Number(index)] : undefined;
        return row ? [`“${row.label || row.mention}”：${f.message}`] : [];
      });
      return setError([body.error?.message ?? "创建草稿失败，请重试", ...figureErrors].join(" "));
    }
    router.push(`/admin/releases/${body.id}`);
  }

  if (!proposal)
    return (
      <form className="import-form" onSubmit={analyse}>
        <label htmlFor="import-text">粘贴稿件文字</label>
        <textarea
          id="import-text"
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="第一行为标题；可包含“来源：”“发布于：”等信息"
        />
        <label htmlFor="import-file">或上传文件（.txt、.html、.docx，最大 2 MB）</label>
        <input
          id="import-file"
          type="file"
          accept=".txt,.html,.htm,.docx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={keepOriginal} onChange={(e) => setKeepOriginal(e.target.checked)} />
          繁体稿件保留繁体原文（指标名称仍用简体）
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy || (!text.trim() && !file)}>
          {busy ? "分析中…" : "分析稿件"}
        </button>
      </form>
    );

  const accepted = rows.filter((r) => r.status === "accepted").length;
  return (
    <div className="import-review">
      <section aria-label="建议的稿件信息" className="import-meta">
        <p>
          <strong>标题：</strong>
          {proposal.release.title}
        </p>
        <p>
          来源：{proposal.release.sourceName ?? "—"}　作者：{proposal.release.byline ?? "—"}　文字：
          {proposal.script === "traditional" ? "繁体" : "简体"}
        </p>
        <div className="import-stated">
          <TextField
            name="statedPublishAt"
            label="原文发布时间（北京时间）"
            type="datetime-local"
            step={1}
            value={statedAt}
            error={fieldErrors.statedPublishAt}
            aria-describedby={
              fieldErrors.statedPublishAt
                ? "statedPublishAt-error statedPublishAt-hint"
                : "statedPublishAt-hint"
            }
            onValue={setStatedAt}
          />
          {statedAt && (
            <button type="button" className="link-button" onClick={() => setStatedAt("")}>
              清除
            </button>
          )}
          <p className="muted small" id="statedPublishAt-hint">
            {!proposal.release.publishedAt
              ? "原文未写发布时间：可以填写，也可以留空。"
              : proposal.release.publishedAtHasTime
                ? "取自原文。草稿保存它；首次发布时可按此时间发布（列表和订阅按它排序）。"
                : "原文只写了日期，按当日 00:00（北京时间）记，可改为准确时刻。首次发布时可按此时间发布。"}
          </p>
        </div>
        <div className="import-placement">
          <div>
            <OptionalSelect
              name="editionId"
              label="届次"
              value={editionId}
              choices={editions}
              error={fieldErrors.editionId}
              onValue={setEditionId}
            />
            {proposal.placement.editionReason && (
              <p className="muted import-placement__hint">{proposal.placement.editionReason}</p>
            )}
          </div>
          <div>
            <OptionalSelect
              name="categoryId"
              label="分类"
              value={categoryId}
              choices={categories}
              error={fieldErrors.categoryId}
              onValue={setCategoryId}
            />
            {proposal.placement.categoryReason && (
              <p className="muted import-placement__hint">{proposal.placement.categoryReason}</p>
            )}
          </div>
        </div>
      </section>
      <div className="import-columns">
        <article className="import-text" aria-label="原文（数据已标出）">
          {proposal.blocks.map((block, index) => (
            <BlockText
              key={index}
              kind={block.kind}
              text={block.text}
              rows={rows.filter((r) => r.block === index)}
            />
          ))}
        </article>
        <ReviewTable rows={rows} onChange={setRows} />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="import-actions">
        <button className="button" type="button" onClick={createDraft} disabled={busy}>
          创建草稿（{accepted} 项数据）
        </button>
        <button className="button button--secondary" type="button" onClick={() => setProposal(null)}>
          重新导入
        </button>
      </div>
    </div>
  );
}

function BlockText({ kind, text, rows }: { kind: string; text: string; rows: Row[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const row of [...rows].sort((a, b) => a.start - b.start)) {
    if (row.start < at) continue;
    parts.push(text.slice(at, row.start));
    parts.push(
      <mark key={row.start} className={`import-mark import-mark--${row.status}`} title={row.label}>
        {text.slice(row.start, row.end)}
      </mark>,
    );
    at = row.end;
  }
  parts.push(text.slice(at));
  if (kind === "photo")
    return (
      <figure className="import-photo">
        <figcaption>
          {parts}
          <span className="muted small">（图片说明：正文保留说明和署名，图片请在编辑器中上传）</span>
        </figcaption>
      </figure>
    );
  if (kind === "heading") return <h2>{parts}</h2>;
  if (kind === "subheading") return <h3>{parts}</h3>;
  return <p>{parts}</p>;
}
