// POST /api/v1/auth/sign-in — email + password through better-auth, throttled per account and
// per address from the audit log (so every console instance sees the same attempts), audited.
import { recordAuditEvent } from "@/lib/audit/audited";
import { db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { auth } from "./better-auth";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

async function assertNotThrottled(email: string, ip: string | null) {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const failures = { action: "auth.sign_in", outcome: "failure" as const, errorCode: "INVALID_CREDENTIALS", at: { gt: since } };
  const checks = [
    { where: { ...failures, targetName: email }, max: MAX_FAILURES_PER_ACCOUNT, what: "this account" },
    ...(ip ? [{ where: { ...failures, ip }, max: MAX_FAILURES_PER_ADDRESS, what: "your address" }] : []),
  ];
  for (const check of checks) {
    const recent = await db().auditEvent.findMany({
      where: check.where,
      select: { at: true },
      orderBy: { at: "desc" },
      take: check.max,
    });
    if (recent.length >= check.max) {
      const oldest = recent[recent.length - 1]!.at.getTime();
      const retryAfter = Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
      throw new AppError(
        "TOO_MANY_ATTEMPTS",
        `Too many failed sign-ins for ${check.what}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        { retryAfterSeconds: retryAfter },
        { "Retry-After": String(retryAfter) },
      );
    }
  }
}

/** Returns better-auth's response (with the session cookie) on success. */
export async function signIn(
  ctx: RequestContext,
  input: { email: string; password: string },
  headers: Headers,
): Promise<Response> {
  const target = { type: "user", name: input.email };
  try {
    await assertNotThrottled(input.email, ctx.ip);
  } catch (error) {
    await recordAuditEvent(ctx, "auth.sign_in", target, {}, error as AppError);
    throw error;
  }
  const response = await auth().api.signInEmail({
    body: { email: input.email, password: input.password },
    headers,
    asResponse: true,
  });
  if (!response.ok) {
    const error = new AppError("INVALID_CREDENTIALS", "The email or password is wrong, or the account is disabled.");
    await recordAuditEvent(ctx, "auth.sign_in", target, {}, error);
    throw error;
  }
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, role: true, name: true } });
  await recordAuditEvent({ ...ctx, actor: { type: "user", id: user?.id ?? null, name: input.email } }, "auth.sign_in", {
    ...target,
    id: user?.id,
  });
  const body = JSON.stringify({ user: { id: user?.id, email: input.email, name: user?.name, role: user?.role } });
  const headersOut = new Headers({ "content-type": "application/json" });
  for (const cookie of response.headers.getSetCookie()) headersOut.append("set-cookie", cookie);
  return new Response(body, { status: 200, headers: headersOut });
}

export async function signOut(ctx: RequestContext, headers: Headers): Promise<Response> {
  const response = await auth().api.signOut({ headers, asResponse: true });
  await recordAuditEvent(ctx, "auth.sign_out", { type: "user", id: ctx.actor.id, name: ctx.actor.name });
  const headersOut = new Headers();
  for (const cookie of response.headers.getSetCookie()) headersOut.append("set-cookie", cookie);
  return new Response(null, { status: 204, headers: headersOut });
}
