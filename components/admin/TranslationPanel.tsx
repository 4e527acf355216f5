"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "./api-client";

export type TranslationPanelProps =
  | {
      kind: "original";
      releaseId: string;
      translation: {
        id: string;
        slug: string;
        title: string;
        translatedAt: string | null;
        outdated: boolean;
      } | null;
    }
  | {
      kind: "translation";
      releaseId: string;
      original: { id: string; slug: string; title: string };
      translatedAt: string | null;
      outdated: boolean;
    }
  | { kind: "standalone"; releaseId: string };

const OUTDATED_NOTE = "原文的数据在翻译后有改动，请核对英文版（数据本身自动同步，正文中的数字需人工核对）。";

/** The editor's English-translation panel: create or link one, see whether it is out of date, confirm it. */
export function TranslationPanel(props: TranslationPanelProps) {
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function send(body: Record<string, string>, then: (data: { id: string }) => void) {
    setBusy(true);
    const result = await callApi<{ id: string }>(
      `/api/admin/releases/${props.releaseId}/translation`,
      "POST",
      body,
    );
    setBusy(false);
    if (result.ok) return then(result.data);
    const field = Object.keys(result.error.fields)[0];
    setError({ message: result.error.fields[field] ?? result.error.message, field });
  }
  const errorText = error && (
    <p className="form-error" role="alert" id="translation-error">
      {error.message}
    </p>
  );

  if (props.kind === "standalone") return null;
  if (props.kind === "translation")
    return (
      <fieldset className="panel translation-panel">
        <legend>英文译文</legend>
        <p>
          译自 <a href={`/admin/releases/${props.original.id}`}>{props.original.title}</a>
        </p>
        <p className="muted small">数据取自原文，不单独维护。</p>
        {props.outdated ? (
          <p className="status status--warning" role="status">
            英文版已过期
          </p>
        ) : (
          <p className="muted small">与原文数据一致。</p>
        )}
        {props.outdated && <p className="small">{OUTDATED_NOTE}</p>}
        {errorText}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void send({ action: "confirm" }, () => window.location.reload())}
        >
          确认已按原文核对
        </button>
      </fieldset>
    );

  const translation = props.translation;
  return (
    <fieldset className="panel translation-panel">
      <legend>英文版</legend>
      {translation ? (
        <>
          <p>
            <a href={`/admin/releases/${translation.id}`}>{translation.title}</a>
          </p>
          {translation.outdated ? (
            <p className="status status--warning" role="status">
              英文版已过期
            </p>
          ) : (
            <p className="muted small">英文版与数据一致。</p>
          )}
          {translation.outdated && <p className="small">{OUTDATED_NOTE}</p>}
        </>
      ) : (
        <>
          <p className="status status--warning">无英文版</p>
          {errorText}
          <form
            className="translation-panel__form"
            onSubmit={(e) => {
              e.preventDefault();
              const title = new FormData(e.currentTarget).get("title");
              void send({ action: "create", title: String(title ?? "") }, (data) =>
                router.push(`/admin/releases/${data.id}`),
              );
            }}
          >
            <label className="field" htmlFor="translation-title">
              <span>英文标题</span>
              <input
                id="translation-title"
                name="title"
                lang="en"
                aria-invalid={error?.field === "title"}
                aria-describedby={error ? "translation-error" : undefined}
              />
            </label>
            <button type="submit" className="button" disabled={busy}>
              创建英文版
            </button>
          </form>
          <form
            className="translation-panel__form"
            onSubmit={(e) => {
              e.preventDefault();
              const slug = new FormData(e.currentTarget).get("slug");
              void send({ action: "link", slug: String(slug ?? "") }, () => window.location.reload());
            }}
          >
            <label className="field" htmlFor="translation-slug">
              <span>关联已有英文稿件（别名）</span>
              <input
                id="translation-slug"
                name="slug"
                aria-invalid={error?.field === "slug"}
                aria-describedby={error ? "translation-error" : undefined}
              />
            </label>
            <button type="submit" className="button button--secondary" disabled={busy}>
              关联
            </button>
          </form>
        </>
      )}
    </fieldset>
  );
}
