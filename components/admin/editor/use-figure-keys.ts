"use client";

import { useCallback, useRef, useState } from "react";
import type { RegistryKey } from "@/lib/figures/figure-from-text";
import { callApi } from "../api-client";

/**
 * The figure key registry, fetched the first time the editor needs it (a key suggestion or
 * 标为数据), not with the page: most visits to the editor never do. A failed fetch gives an
 * empty list, and suggestions fall back to figure_N.
 */
export function useFigureKeys() {
  const [keys, setKeys] = useState<RegistryKey[] | null>(null);
  const loading = useRef<Promise<RegistryKey[]> | null>(null);
  const load = useCallback(() => {
    loading.current ??= callApi<{ keys: RegistryKey[] }>("/api/admin/figure-keys", "GET").then((result) => {
      const list = result.ok ? result.data.keys : [];
      if (!result.ok) loading.current = null;
      setKeys(list);
      return list;
    });
    return loading.current;
  }, []);
  return { keys, load };
}
