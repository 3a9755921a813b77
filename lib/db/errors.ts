// Recognising database errors that operations turn into rule errors.
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The database is too busy right now (no connection in time, or a serialization conflict). */
export function isTransientBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2028" || error.code === "P2034");
}

/** A statement cut short by statement_timeout (SQLSTATE 57014). */
export function isQueryCanceled(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const meta = error instanceof Prisma.PrismaClientKnownRequestError ? JSON.stringify(error.meta ?? {}) : "";
  return /57014|canceling statement due to statement timeout/.test(`${meta} ${error.message}`);
}

// The database could not be reached or cannot serve now: refused, reset, timed out, restarting,
// shutting down, out of connections, or out of disk (issue 15). Not the request's fault, and not a
// bug: the API answers 503 UNAVAILABLE with Retry-After, so agents and scripts retry with backoff.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);
/** SQLSTATE: connection exceptions (08…), admin/crash shutdown, cannot connect now, disk full, out of memory, too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[1-3]|53100|53200|53300)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|Query read timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|ENOTFOUND|EAI_AGAIN|Can't reach database server|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|No space left on device|could not extend file/i;

function sqlState(error: Record<string, unknown>): string | undefined {
  const code = error.code ?? error.originalCode;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Record<string, unknown> & { message?: unknown; cause?: unknown; meta?: Record<string, unknown> };
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const adapter = (e.meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
  if (adapter && (UNAVAILABLE_ADAPTER_KINDS.has(String(adapter.kind)) || UNAVAILABLE_SQLSTATE.test(sqlState(adapter) ?? "")))
    return true;
  if (UNAVAILABLE_SQLSTATE.test(sqlState(e) ?? "")) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** The database's disk is full (SQLSTATE 53100): it cannot store changes, but it still answers reads. */
export function isDatabaseFull(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Record<string, unknown> & { message?: unknown; cause?: unknown; meta?: Record<string, unknown> };
  const adapter = (e.meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
  if ((adapter && sqlState(adapter) === "53100") || sqlState(e) === "53100") return true;
  if (typeof e.message === "string" && /No space left on device|could not extend file/i.test(e.message)) return true;
  return isDatabaseFull(e.cause, depth + 1);
}
