// GET /api/v1/audit-events — newest first, keyset pagination on the event id; targets recorded by
// id get their names (target-names.ts).
import { db } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEventDto } from "./responses";
import type { ListAuditEventsQuery } from "./schemas";
import { withTargetNames } from "./target-names";

export type { AuditEventDto };

export async function listAuditEvents(q: ListAuditEventsQuery): Promise<{ items: AuditEventDto[]; nextCursor: string | null }> {
  const where: Prisma.AuditEventWhereInput = {
    ...(q.actor ? { actorName: { contains: escapeLike(q.actor), mode: "insensitive" } } : {}),
    ...(q.action ? { action: q.action.includes(".") ? q.action : { startsWith: `${q.action}.` } } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...(q.region ? { region: q.region } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
    ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}),
  };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const items = await withTargetNames(
    page.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      actor: { type: e.actorType, id: e.actorId, name: e.actorName },
      action: e.action,
      target: { type: e.targetType, id: e.targetId, name: e.targetName },
      region: e.region,
      outcome: e.outcome,
      errorCode: e.errorCode,
      details: e.details,
      ip: e.ip,
      requestId: e.requestId,
    })),
  );
  return { items, nextCursor: rows.length > q.limit ? page[page.length - 1]!.id.toString() : null };
}

/** Every event of a filter, newest first, in pages, for the CSV export (streamed). */
export async function* allAuditEvents(q: ListAuditEventsQuery) {
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ ...q, cursor, limit: 500 });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
