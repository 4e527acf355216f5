"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReleaseChecks } from "@/lib/releases/figure-checks";
import { callApi } from "./api-client";

/**
 * The checks of a release as the server last computed them, fetched again after each save (a new
 * version) and when asked (after a sign-off).
 */
export function useReleaseChecks(releaseId: string, version: number, initial: ReleaseChecks) {
  const [checks, setChecks] = useState(initial);
  const [error, setError] = useState("");
  const shownVersion = useRef(version);

  const refresh = useCallback(async () => {
    const result = await callApi<ReleaseChecks>(`/api/admin/releases/${releaseId}/checks`, "GET");
    if (result.ok) {
      setChecks(result.data);
      setError("");
    } else setError(`核对结果未能更新：${result.error.message}`);
  }, [releaseId]);

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    void refresh();
  }, [version, refresh]);

  return { checks, error, refresh };
}
