// R20: every change writes its audit event in the same transaction as the change; a refused
// change (a typed AppError) is audited too, with its error code, after the rollback.
import { db, type Tx } from "@/lib/db/client";
import type { Prisma, Region } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";

export type AuditTarget = { type: string; id?: string | null; name?: string | null; region?: Region | null };

/** Filled in by the operation as it learns what it changed. */
export type AuditDraft = { target: AuditTarget; details: Record<string, unknown> };

function eventData(ctx: RequestContext, action: string, draft: AuditDraft, error?: AppError): Prisma.AuditEventCreateInput {
  return {
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action,
    targetType: draft.target.type,
    targetId: draft.target.id ?? null,
    targetName: draft.target.name ?? null,
    region: draft.target.region ?? null,
    outcome: error ? "failure" : "success",
    errorCode: error?.code ?? null,
    details: (error ? { ...draft.details, message: error.message } : draft.details) as Prisma.InputJsonValue,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

/** A further event of the same change, e.g. the cluster a moved client left (R15). */
export async function auditInTx(
  tx: Tx,
  ctx: RequestContext,
  action: string,
  target: AuditTarget,
  details: Record<string, unknown>,
) {
  await tx.auditEvent.create({ data: eventData(ctx, action, { target, details }) });
}

/** Records an event outside any change, e.g. a sign-in attempt. */
export async function recordAuditEvent(
  ctx: RequestContext,
  action: string,
  target: AuditTarget,
  details: Record<string, unknown> = {},
  error?: AppError,
) {
  await db().auditEvent.create({ data: eventData(ctx, action, { target, details }, error) });
}

// Operations queue on a cluster's row lock while holding a pooled connection; under a burst
// (100 connects at once) the default 2 s wait for a connection is too short.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

/** Runs `change` in a transaction that also records `action` — the one line every mutation uses. */
export async function audited<T>(
  ctx: RequestContext,
  action: string,
  target: AuditTarget,
  change: (tx: Tx, audit: AuditDraft) => Promise<T>,
): Promise<T> {
  const draft: AuditDraft = { target: { ...target }, details: {} };
  try {
    return await db().$transaction(async (tx) => {
      const result = await change(tx, draft);
      await tx.auditEvent.create({ data: eventData(ctx, action, draft) });
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") {
      await db().auditEvent.create({ data: eventData(ctx, action, draft, error) });
    }
    throw error;
  }
}
