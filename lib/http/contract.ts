// What a route promises (issue 14): who may call it, what it takes, what it answers and which
// error codes it may answer. route() attaches the contract to the handler it returns, and
// lib/openapi builds the published document from these contracts, so the document cannot say
// something the routes do not do.
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { ErrorCode } from "./errors";

export type RouteContract = {
  /**
   * Who may call: the least operator role (session cookie or API token), "agent" (an agent
   * credential, SPEC §7), or "public" (no credentials: sign-in and registrations).
   */
  role: Role | "agent" | "public";
  /** One line for the API reference (every route under /api/v1 has one: lib/openapi's tests say so). */
  summary?: string;
  /** More words for the reference, when the summary is not enough. */
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON body of a successful answer; without it (and without `media`) success is 204 No Content. */
  response?: z.ZodType;
  /** Status of a successful answer with a JSON body (default 200). */
  status?: number;
  /** A successful answer that is not JSON (a CSV export, a served script, an agent file). */
  media?: { type: string; description: string; /** Further types the answer may have. */ also?: string[] };
  /**
   * The error codes the operation itself may answer (those the lib/ functions it calls throw).
   * The codes of the wrapper (credentials, role, validation, body size, busy, internal) are
   * added from the rest of the contract by errorCodesOf().
   */
  errors?: readonly ErrorCode[];
};

export const CONTRACT = Symbol.for("proxy-access-console.route-contract");

export function contractOf(handler: unknown): RouteContract | undefined {
  return typeof handler === "function" ? (handler as { [CONTRACT]?: RouteContract })[CONTRACT] : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Every code a route may answer: the wrapper's, derived from its contract, and its own. */
export function errorCodesOf(contract: RouteContract, method: string): ErrorCode[] {
  const codes = new Set<ErrorCode>(["INTERNAL", "BUSY", "UNAVAILABLE"]);
  if (contract.role === "public" || contract.role === "agent") {
    // A request relayed by a proxy carries the proxy's credential (SPEC §8), checked on these routes;
    // a deleted proxy's credential is told to stop (410).
    codes.add("UNAUTHENTICATED").add("FORBIDDEN").add("GONE");
  } else {
    codes.add("UNAUTHENTICATED");
    // A role above viewer is refused to lower roles; a cookie-authenticated change from another origin too (CSRF).
    if (contract.role !== "viewer" || !SAFE_METHODS.has(method)) codes.add("FORBIDDEN");
  }
  if (contract.params || contract.query || contract.body) codes.add("VALIDATION_FAILED");
  if (contract.body) codes.add("PAYLOAD_TOO_LARGE");
  for (const code of contract.errors ?? []) codes.add(code);
  return [...codes];
}
