// POST /api/v1/auth/password — a signed-in user changes their own password (better-auth checks
// the current one and hashes the new one); other sessions of the user end.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { auth } from "./better-auth";
import type { changePasswordSchema } from "./schemas";

export async function changePassword(ctx: RequestContext, input: z.output<typeof changePasswordSchema>, headers: Headers) {
  const target = { type: "user", id: ctx.actor.id, name: ctx.actor.name };
  if (ctx.actor.type !== "user")
    throw new AppError("FORBIDDEN", "Only a signed-in user can change a password; API tokens have none.");
  const response = await auth().api.changePassword({
    body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    headers,
    asResponse: true,
  });
  if (!response.ok) {
    const error = new AppError("INVALID_CREDENTIALS", "The current password is wrong.");
    await recordAuditEvent(ctx, "user.change_password", target, {}, error);
    throw error;
  }
  await recordAuditEvent(ctx, "user.change_password", target);
  const out = new Headers();
  for (const cookie of response.headers.getSetCookie()) out.append("set-cookie", cookie);
  return new Response(null, { status: 204, headers: out });
}
