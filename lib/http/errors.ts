// One table from error code to HTTP status (SPEC §5). Operations throw AppError with a code;
// the route wrapper turns it into {"error": {code, message, details}} with this status.
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  NOT_REVEALABLE: 409,
  NAME_TAKEN: 409,
  CLUSTER_NOT_EMPTY: 409,
  PROXY_ONLINE: 409,
  LAST_PROXY_WITH_CLIENTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMMUTABLE_FIELD: 422,
  TLS_PORT_TAKEN: 422,
  REGION_MISMATCH: 422,
  NOT_ELIGIBLE: 422,
  ALREADY_PROXY: 409,
  PROXY_BUSY: 409,
  JOB_RUNNING: 409,
  ROLLOUT_ACTIVE: 409,
  ROLLOUT_STATE: 409,
  BELOW_MINIMUM: 409,
  PROXY_NOT_RUNNING: 409,
  ALREADY_LATEST: 422,
  IP_CLUSTER_SINGLE_PROXY: 422,
  NOT_LINUX: 422,
  AGENT_OFFLINE: 422,
  BATCH_TOO_LARGE: 422,
  CAPACITY_EXCEEDED: 422,
  BANDWIDTH_HEADROOM: 422,
  BATCH_INTERVAL: 429,
  TOO_MANY_ATTEMPTS: 429,
  INGEST_PACED: 429,
  LAST_ADMIN: 409,
  RELEASE_EXISTS: 409,
  INTERNAL: 500,
  BUSY: 503,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After for BATCH_INTERVAL. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError("NOT_FOUND", `${what} ${id} does not exist.`, { id });
}
