// Browser-side JSON fetch: sends/receives JSON, turns error bodies into ApiError.
import { ApiError, NETWORK_ERROR } from "./api-error";

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown; requestId?: string } };

export async function fetchJson<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, NETWORK_ERROR, (error as Error).message, undefined, null);
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const e = (body as ErrorBody | null)?.error;
    throw new ApiError(
      response.status,
      e?.code ?? `HTTP_${response.status}`,
      e?.message ?? response.statusText,
      e?.details,
      e?.requestId ?? response.headers.get("x-request-id"),
    );
  }
  return body as T;
}
