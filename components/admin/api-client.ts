// The editor's calls to the admin JSON API, with the one error body turned into something to show.

export interface ApiError {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function callApi<T>(url: string, method: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: method !== "GET" && JSON.stringify(body ?? "").length < 60_000,
    });
  } catch {
    return {
      ok: false,
      error: {
        status: 0,
        code: "network",
        message: "网络连接中断，内容已保存在本机浏览器中，恢复网络后请再保存",
        fields: {},
        details: {},
      },
    };
  }
  const json = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; fields?: Array<{ path: string; message: string }> } & Record<
      string,
      unknown
    >;
  };
  if (response.ok) return { ok: true, data: json as T };
  const error = json.error ?? { code: "internal", message: `请求失败（${response.status}）` };
  const fields = Object.fromEntries(
    (error.fields ?? []).map((f) => [f.path.replace(/^release\./, ""), f.message]),
  );
  return {
    ok: false,
    error: { status: response.status, code: error.code, message: error.message, fields, details: error },
  };
}
