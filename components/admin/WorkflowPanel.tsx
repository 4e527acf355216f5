"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime, fromBeijingInput } from "@/lib/i18n/format-date";
import { STATUS_LABELS, TRANSITIONS, type WorkflowAction } from "@/lib/releases/workflow";
import { callApi } from "./api-client";
import { ContradictedClaims, contradictedClaimsOf, type ContradictedClaim } from "./ContradictedClaims";

export interface WorkflowProps {
  releaseId: string;
  slug: string;
  status: ReleaseStatus;
  /** What readers see now (a scheduled release whose time came is published). */
  shownStatus: ReleaseStatus;
  publishAt: string | null;
  version: number;
  dirty: boolean;
  /**
   * 原文发布时间 as saved (the datetime-local value, Beijing time), offered as the publish moment
   * while readers have never seen the release; "" otherwise.
   */
  statedPublishAt: string;
  allowed: WorkflowAction[];
  canLink: boolean;
  /** Never published, and the user may delete. */
  canDelete: boolean;
  links: Array<{ id: string; expiresAt: string; revokedAt: string | null }>;
  /** Old addresses that still lead here (301); a publisher may release one for another release. */
  oldSlugs: string[];
  canReleaseSlugs: boolean;
}

export function WorkflowPanel({
  releaseId,
  slug,
  status,
  shownStatus,
  publishAt,
  version,
  dirty,
  statedPublishAt,
  allowed,
  canLink,
  canDelete,
  links,
  oldSlugs,
  canReleaseSlugs,
}: WorkflowProps) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [when, setWhen] = useState("");
  const [publishAtSource, setPublishAtSource] = useState<"stated" | "now">("now");
  const [newLink, setNewLink] = useState<string | null>(null);
  const [contradicted, setContradicted] = useState<{
    action: WorkflowAction;
    claims: ContradictedClaim[];
  } | null>(null);
  const available = allowed.filter((a) => TRANSITIONS[a].from.includes(status));
  const offersStated = available.includes("publish") && statedPublishAt !== "";

  async function run(action: WorkflowAction, confirmContradictedClaims = false) {
    if (dirty) return setMessage("请先保存修改，再进行此操作");
    if (action === "schedule" && !when) return setMessage("请先选择定时发布的时间（北京时间）");
    const result = await callApi(`/api/admin/releases/${releaseId}/transition`, "POST", {
      action,
      baseVersion: version,
      ...(action === "schedule" ? { publishAt: fromBeijingInput(when) } : {}),
      ...(action === "publish" ? { publishAtSource: offersStated ? publishAtSource : "now" } : {}),
      ...(confirmContradictedClaims ? { confirmContradictedClaims } : {}),
    });
    if (result.ok) return window.location.reload();
    const claims = contradictedClaimsOf(result.error.details);
    setContradicted(claims && { action, claims });
    setMessage(
      claims
        ? ""
        : (result.error.fields.publishAt ?? result.error.fields.publishAtSource ?? result.error.message),
    );
  }

  async function makeLink() {
    const result = await callApi<{ url: string }>(`/api/admin/releases/${releaseId}/preview-links`, "POST", {
      hours: 48,
    });
    if (result.ok) setNewLink(result.data.url);
    else setMessage(result.error.message);
  }

  return (
    <fieldset className="panel workflow">
      <legend>状态与发布</legend>
      <p>
        当前状态：<strong data-testid="release-status">{STATUS_LABELS[shownStatus]}</strong>
        {publishAt && (
          <>
            <br />
            <span className="muted small">发布时间：{formatDateTime(publishAt)}（北京时间）</span>
          </>
        )}
      </p>
      {shownStatus === "published" && (
        <p>
          <a href={`/releases/${slug}`} target="_blank" rel="noreferrer">
            查看公开页面 ↗
          </a>
        </p>
      )}
      {offersStated && (
        <fieldset className="publish-moment">
          <legend>立即发布时使用的发布时间</legend>
          <label className="check">
            <input
              type="radio"
              name="publishAtSource"
              value="stated"
              checked={publishAtSource === "stated"}
              onChange={() => setPublishAtSource("stated")}
            />
            按原文时间发布（{formatDateTime(fromBeijingInput(statedPublishAt) ?? statedPublishAt)}）
          </label>
          <p className="hint">
            按原文时间发布的稿件按原文日期排入列表和订阅源，不会作为最新稿件出现在首页和订阅源前列；新闻稿请以当前时间发布。
          </p>
          <label className="check">
            <input
              type="radio"
              name="publishAtSource"
              value="now"
              checked={publishAtSource === "now"}
              onChange={() => setPublishAtSource("now")}
            />
            以当前时间发布
          </label>
        </fieldset>
      )}
      {available.includes("schedule") && (
        <label className="field">
          <span>定时发布时间（北京时间）</span>
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
      )}
      <div className="workflow-actions">
        {available.map((a) => (
          <button
            key={a}
            type="button"
            className={
              a === "publish"
                ? "button"
                : a === "archive" || a === "unpublish"
                  ? "button button--danger"
                  : "button button--secondary"
            }
            onClick={() => run(a)}
          >
            {TRANSITIONS[a].label}
          </button>
        ))}
      </div>
      {contradicted && (
        <ContradictedClaims claims={contradicted.claims} onConfirm={() => run(contradicted.action, true)} />
      )}
      {canDelete && (
        <button
          type="button"
          className="link-button"
          onClick={async () => {
            if (!window.confirm("删除这篇从未发布的稿件？删除后只能由管理员从审计日志中找回。")) return;
            const result = await callApi(`/api/admin/releases/${releaseId}`, "DELETE", {
              baseVersion: version,
            });
            if (result.ok) router.push("/admin");
            else setMessage(result.error.message);
          }}
        >
          删除稿件
        </button>
      )}
      {oldSlugs.length > 0 && (
        <div className="old-slugs">
          <p className="small">旧地址（仍跳转到本稿件）：</p>
          <ul className="small">
            {oldSlugs.map((old) => (
              <li key={old}>
                /releases/{old}{" "}
                {canReleaseSlugs && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={async () => {
                      if (
                        !window.confirm(
                          `释放旧地址 /releases/${old}？此后它不再跳转到本稿件，其他稿件可以使用它。`,
                        )
                      )
                        return;
                      const result = await callApi(`/api/admin/slugs`, "DELETE", { slug: old });
                      if (result.ok) window.location.reload();
                      else setMessage(result.error.message);
                    }}
                  >
                    释放
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {canLink && (
        <div className="preview-links">
          <button type="button" className="link-button" onClick={makeLink}>
            生成审阅预览链接（48 小时有效）
          </button>
          {newLink && (
            <p className="small">
              请复制发给审阅人：
              <input readOnly value={newLink} onFocus={(e) => e.target.select()} aria-label="预览链接" />
            </p>
          )}
          {links
            .filter((l) => !l.revokedAt && new Date(l.expiresAt) > new Date())
            .map((l) => (
              <p key={l.id} className="small">
                有效至 {formatDateTime(l.expiresAt)}{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    const r = await callApi(`/api/admin/preview-links/${l.id}`, "DELETE");
                    if (r.ok) window.location.reload();
                  }}
                >
                  立即撤销
                </button>
              </p>
            ))}
        </div>
      )}
    </fieldset>
  );
}
