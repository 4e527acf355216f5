"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { slugify } from "@/lib/releases/slug";
import { callApi } from "./api-client";

export function NewReleaseForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await callApi<{ id: string }>("/api/admin/releases", "POST", {
      title,
      // A suggested slug is left to the server, which adds a free suffix when it is taken; only a
      // slug the editor typed can be refused as taken.
      slug: slugEdited ? slug : "",
    });
    if (result.ok) router.push(`/admin/releases/${result.data.id}`);
    else {
      setErrors(result.error.fields);
      setMessage(result.error.message);
    }
  }

  return (
    <form onSubmit={submit} className="panel" noValidate>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <label className={errors.title ? "field field--error" : "field"}>
        <span>标题</span>
        <input
          name="title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
          required
        />
        {errors.title && <em className="field-error">{errors.title}</em>}
      </label>
      <label className={errors.slug ? "field field--error" : "field"}>
        <span>网址别名（自动生成，可修改）</span>
        <input
          name="slug"
          value={slug}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
        {errors.slug && <em className="field-error">{errors.slug}</em>}
      </label>
      <button className="button" type="submit">
        创建草稿
      </button>
    </form>
  );
}
