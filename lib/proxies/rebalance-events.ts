// The rebalances recorded for a cluster (issue 16): the rebalance job writes one audit event per
// rebalance, action cluster.rebalance on the cluster, with the moves between proxies. The proxy
// panel reads them to say which clients a proxy took or gave, and when.
import { z } from "zod";
import { db } from "@/lib/db/client";

export const REBALANCE_ACTION = "cluster.rebalance";

/** How many of a cluster's latest rebalances the panel looks through for each proxy. */
const LOOKBACK = 50;

const rebalanceDetailsSchema = z.object({
  reason: z.string(),
  moved: z.number().int().min(0),
  moves: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int().min(0) })),
});

export type RebalanceEvent = { eventId: string; at: Date } & z.infer<typeof rebalanceDetailsSchema>;

/** Newest first. An event whose details do not have the agreed shape is left out, not guessed at. */
export async function recentRebalances(clusterId: string): Promise<RebalanceEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: { targetType: "cluster", targetId: clusterId, action: REBALANCE_ACTION, outcome: "success" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LOOKBACK,
    select: { id: true, at: true, details: true },
  });
  return rows.flatMap((row) => {
    const details = rebalanceDetailsSchema.safeParse(row.details);
    return details.success ? [{ eventId: String(row.id), at: row.at, ...details.data }] : [];
  });
}

export type ProxyMove = { proxyId: string; count: number };
export type ProxyRebalance = { eventId: string; at: Date; reason: string; took: ProxyMove[]; gave: ProxyMove[] };

/** The newest rebalance that moved clients to or from this proxy, with what it took and gave. */
export function lastRebalanceOf(proxyId: string, events: readonly RebalanceEvent[]): ProxyRebalance | null {
  for (const event of events) {
    const took = event.moves.filter((m) => m.to === proxyId && m.count > 0).map((m) => ({ proxyId: m.from, count: m.count }));
    const gave = event.moves.filter((m) => m.from === proxyId && m.count > 0).map((m) => ({ proxyId: m.to, count: m.count }));
    if (took.length > 0 || gave.length > 0) return { eventId: event.eventId, at: event.at, reason: event.reason, took, gave };
  }
  return null;
}
