"use client";

import { useState } from "react";

export function MediaUpload() {
  const [message, setMessage] = useState("");
  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const response = await fetch("/api/admin/media", {
      method: "POST",
      body: new FormData(event.currentTarget),
    }).catch(() => null);
    if (!response) return setMessage("网络异常，请重试");
    if (response.ok) return window.location.reload();
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    setMessage(body.error?.message ?? `上传失败（${response.status}）`);
  }
  return (
    <form className="panel" onSubmit={upload}>
      <h2>上传图片</h2>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <label className="field">
        <span>图片文件（PNG、JPEG、GIF、WebP）</span>
        <input type="file" name="file" accept="image/png,image/jpeg,image/gif,image/webp" required />
      </label>
      <label className="field">
        <span>替代文字（必填，供读屏软件朗读）</span>
        <input name="alt" required />
      </label>
      <label className="field">
        <span>图片说明</span>
        <input name="caption" />
      </label>
      <label className="field">
        <span>署名（如 蔡菡泠摄）</span>
        <input name="credit" />
      </label>
      <button className="button" type="submit">
        上传
      </button>
    </form>
  );
}
