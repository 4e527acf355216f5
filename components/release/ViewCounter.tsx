"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The page is served from cache, so the count is counted by a beacon after it loads; the beacon's
 * answer replaces the cached number.
 */
export function ViewCounter({ slug, initial }: { slug: string; initial: number }) {
  const [count, setCount] = useState(initial);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    fetch(`/api/releases/${encodeURIComponent(slug)}/views`, { method: "POST", keepalive: true })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { viewCount?: number } | null) => {
        if (typeof data?.viewCount === "number") setCount(data.viewCount);
      })
      .catch(() => {});
  }, [slug]);
  return <span data-testid="view-count">{count.toLocaleString("zh-CN")}</span>;
}
