// The typed error every browser fetch throws for a non-2xx answer (SPEC §5 error body).
export type FieldError = { path: string; code: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field errors from VALIDATION_FAILED / NAME_TAKEN details, keyed without the "body." prefix. */
  get fieldErrors(): FieldError[] {
    const fields = (this.details as { fields?: unknown } | null)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields
      .filter((f): f is FieldError => typeof f?.path === "string" && typeof f?.message === "string")
      .map((f) => ({ ...f, path: f.path.replace(/^body\./, "") }));
  }
}

/** Thrown when the request never got an answer (network down, server restarting). */
export const NETWORK_ERROR = "NETWORK_ERROR";
