// One alert evaluation pass (issue 14): only the holder of the "alerts" lease evaluates; the pass
// opens alerts for new conditions and resolves those whose condition cleared, in one transaction
// with the webhook deliveries they cause (an outbox), all on the database clock.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { Prisma, type Region } from "@/lib/generated/prisma/client";
import { currentConditions, type Condition } from "./conditions";
import { INSTANCE_ID, takeLease } from "./lease";
import { ALERT_KINDS, type AlertKind, type RuleSetting } from "./rules";

export const ALERT_LEASE = "alerts";

export type AlertRow = {
  id: string;
  kind: string;
  region: Region;
  subject_type: string;
  subject_id: string;
  subject_name: string;
  cluster_id: string | null;
  opened_at: Date;
  resolved_at: Date | null;
  values: Record<string, unknown>;
  link: string;
};

export type EvaluationResult = { leader: boolean; opened: AlertRow[]; resolved: AlertRow[]; deliveries: number };

/** The console's address for links sent out (webhooks): PUBLIC_URL, else localhost and PORT. */
export function publicBase(): string {
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export type WebhookPayload = {
  id: string;
  event: "opened" | "resolved" | "test";
  alert: {
    id: string | null;
    kind: string;
    region: Region | null;
    subject: { type: string; id: string | null; name: string };
    openedAt: string;
    resolvedAt: string | null;
    values: Record<string, unknown>;
    url: string;
  };
};

export function alertPayload(deliveryId: string, event: "opened" | "resolved", a: AlertRow): WebhookPayload {
  return {
    id: deliveryId,
    event,
    alert: {
      id: a.id,
      kind: a.kind,
      region: a.region,
      subject: { type: a.subject_type, id: a.subject_id, name: a.subject_name },
      openedAt: a.opened_at.toISOString(),
      resolvedAt: a.resolved_at?.toISOString() ?? null,
      values: a.values,
      url: `${publicBase()}${a.link}`,
    },
  };
}

/** One delivery per enabled destination for each event; the unique key makes a repeat a no-op. */
async function enqueue(tx: Tx, event: "opened" | "resolved", alerts: AlertRow[]): Promise<number> {
  if (!alerts.length) return 0;
  const destinations = await tx.webhookDestination.findMany({ where: { enabled: true }, select: { id: true } });
  let count = 0;
  for (const alert of alerts)
    for (const d of destinations) {
      const id = randomUUID();
      count += await tx.$executeRaw(Prisma.sql`
        INSERT INTO webhook_delivery (id, alert_id, event, destination_id, status, attempts, next_attempt_at, payload, created_at)
        VALUES (${id}::uuid, ${alert.id}::uuid, ${event}, ${d.id}::uuid, 'pending', 0, now(),
                ${JSON.stringify(alertPayload(id, event, alert))}::jsonb, now())
        ON CONFLICT (alert_id, event, destination_id) DO NOTHING`);
    }
  return count;
}

async function open(tx: Tx, c: Condition): Promise<AlertRow | null> {
  const rows = await tx.$queryRaw<AlertRow[]>(Prisma.sql`
    INSERT INTO alert (id, kind, region, subject_type, subject_id, subject_name, cluster_id, opened_at, values, link)
    VALUES (${randomUUID()}::uuid, ${c.kind}, ${c.region}::"Region", ${c.subjectType}, ${c.subjectId}::uuid, ${c.subjectName},
            ${c.clusterId}::uuid, now(), ${JSON.stringify(c.values)}::jsonb, ${c.link})
    ON CONFLICT (kind, subject_id) WHERE resolved_at IS NULL DO NOTHING
    RETURNING id, kind, region::text AS region, subject_type, subject_id, subject_name, cluster_id, opened_at, resolved_at, values, link`);
  return rows[0] ?? null;
}

export async function readRules(tx: Tx = db() as unknown as Tx): Promise<Map<AlertKind, RuleSetting>> {
  const rows = await tx.alertRule.findMany();
  const map = new Map<AlertKind, RuleSetting>();
  for (const r of rows)
    if ((ALERT_KINDS as readonly string[]).includes(r.kind))
      map.set(r.kind as AlertKind, {
        kind: r.kind as AlertKind,
        enabled: r.enabled,
        threshold: r.threshold === null ? null : Number(r.threshold),
      });
  return map;
}

/**
 * One pass. Not the leader (another instance holds a live lease): nothing happens. The lease lasts
 * `leaseSeconds` from the database's now(); a holder that dies stops renewing and another instance
 * takes over once it has run out.
 */
export async function evaluateOnce(options: { holder?: string; leaseSeconds?: number } = {}): Promise<EvaluationResult> {
  const holder = options.holder ?? INSTANCE_ID;
  const leaseSeconds = options.leaseSeconds ?? 45;
  return db().$transaction(
    async (tx) => {
      const now = await takeLease(tx, ALERT_LEASE, holder, leaseSeconds);
      if (!now) return { leader: false, opened: [], resolved: [], deliveries: 0 };
      const rules = await readRules(tx);
      const conditions = await currentConditions(tx, rules, now);
      const key = (kind: string, subjectId: string) => `${kind}:${subjectId}`;
      const current = new Set(conditions.map((c) => key(c.kind, c.subjectId)));

      const opened: AlertRow[] = [];
      for (const c of conditions) {
        const row = await open(tx, c);
        if (row) opened.push(row);
      }
      const stillOpen = await tx.$queryRaw<{ id: string; kind: string; subject_id: string }[]>(
        Prisma.sql`SELECT id, kind, subject_id FROM alert WHERE resolved_at IS NULL FOR UPDATE`,
      );
      const clear = stillOpen.filter((a) => !current.has(key(a.kind, a.subject_id))).map((a) => a.id);
      const resolved = clear.length
        ? await tx.$queryRaw<AlertRow[]>(Prisma.sql`
            UPDATE alert SET resolved_at = now() WHERE id = ANY(${clear}::uuid[]) AND resolved_at IS NULL
            RETURNING id, kind, region::text AS region, subject_type, subject_id, subject_name, cluster_id, opened_at, resolved_at, values, link`)
        : [];
      const deliveries = (await enqueue(tx, "opened", opened)) + (await enqueue(tx, "resolved", resolved));
      return { leader: true, opened, resolved, deliveries };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}
