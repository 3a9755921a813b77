// The alert list and the header's count (issue 14), and the rules as Settings shows and edits them.
import type { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { db } from "@/lib/db/client";
import type { Prisma, Region } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { ALERT_KINDS, RULE_DEFAULTS, type AlertKind } from "./rules";
import type { AlertDto, AlertRuleDto, listAlertsQuerySchema, UpdateAlertRulesInput } from "./schemas";

type AlertRecord = Prisma.AlertGetPayload<object>;

export function toAlertDto(a: AlertRecord): AlertDto {
  return {
    id: a.id,
    kind: a.kind as AlertKind,
    region: a.region,
    subject: { type: a.subjectType as AlertDto["subject"]["type"], id: a.subjectId, name: a.subjectName },
    clusterId: a.clusterId,
    openedAt: a.openedAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    values: (a.values ?? {}) as Record<string, unknown>,
    link: a.link,
  };
}

/** Cursor: "<openedAt ISO>|<id>" of the last item; newest first. */
function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = cursor.split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError("VALIDATION_FAILED", "The cursor is not one this list gave.", {
      fields: [{ path: "query.cursor", code: "invalid_cursor", message: "Not a cursor of this list." }],
    });
  return { at: date, id };
}

export async function listAlerts(q: z.output<typeof listAlertsQuerySchema>) {
  const where: Prisma.AlertWhereInput = {
    region: q.region as Region,
    ...(q.state === "open" ? { resolvedAt: null } : q.state === "resolved" ? { resolvedAt: { not: null } } : {}),
  };
  if (q.cursor) {
    const c = parseCursor(q.cursor);
    where.OR = [{ openedAt: { lt: c.at } }, { openedAt: c.at, id: { gt: c.id } }];
  }
  const rows = await db().alert.findMany({ where, orderBy: [{ openedAt: "desc" }, { id: "asc" }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAlertDto),
    nextCursor: rows.length > q.limit && last ? `${last.openedAt.toISOString()}|${last.id}` : null,
  };
}

export async function alertSummary(region: Region) {
  return { open: await db().alert.count({ where: { region, resolvedAt: null } }) };
}

export async function listAlertRules(): Promise<AlertRuleDto[]> {
  const rows = await db().alertRule.findMany();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return ALERT_KINDS.map((kind) => {
    const d = RULE_DEFAULTS[kind];
    const r = byKind.get(kind);
    return {
      kind,
      enabled: r?.enabled ?? true,
      threshold: r ? (r.threshold === null ? null : Number(r.threshold)) : d.threshold,
      defaultThreshold: d.threshold,
      unit: d.unit,
      min: d.min ?? null,
      max: d.max ?? null,
      updatedAt: (r?.updatedAt ?? new Date(0)).toISOString(),
      updatedBy: r?.updatedBy ?? null,
    };
  });
}

export async function updateAlertRules(ctx: RequestContext, input: UpdateAlertRulesInput): Promise<AlertRuleDto[]> {
  await audited(ctx, "alert_rules.update", { type: "alert_rule" }, async (tx, audit) => {
    const changed: Record<string, unknown> = {};
    for (const rule of input.rules) {
      const before = await tx.alertRule.findUnique({ where: { kind: rule.kind } });
      const beforeThreshold = before?.threshold === null || before === null ? null : Number(before.threshold);
      if (before && before.enabled === rule.enabled && beforeThreshold === rule.threshold) continue;
      await tx.alertRule.upsert({
        where: { kind: rule.kind },
        create: { kind: rule.kind, enabled: rule.enabled, threshold: rule.threshold, updatedBy: ctx.actor.name },
        update: { enabled: rule.enabled, threshold: rule.threshold, updatedBy: ctx.actor.name },
      });
      changed[rule.kind] = {
        from: before ? { enabled: before.enabled, threshold: beforeThreshold } : null,
        to: { enabled: rule.enabled, threshold: rule.threshold },
      };
    }
    audit.details = changed;
  });
  return listAlertRules();
}
