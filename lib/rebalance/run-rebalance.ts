// The rebalance pass (issue 16): for each cluster with two or more serving proxies, count what
// each holds, plan (plan.ts), and mark the agents to move. The marks reach the agents through
// their current proxy, in the next heartbeat answers (pendingUpdates: a route that names the
// proxy to prefer); each agent then reports through that proxy, which vouches for it, and the
// mark is cleared. Any console instance may run a pass: a cluster is claimed by moving its
// rebalanced_at forward in one UPDATE, so with several instances each cluster is planned once per
// interval, and the moves and their audit event are written in one transaction.
import { db, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { systemContext } from "@/lib/http/context";
import { auditInTx } from "@/lib/audit/audited";
import { livenessDiscounted } from "@/lib/liveness/clock";
import { log } from "@/lib/log";
import { proxyCapacity } from "@/lib/proxies/capacity";
import { planRebalance, type RebalancePlan } from "./plan";
import { movesPerPass, moveStaleSeconds, rebalanceIntervalSeconds, recentlyHeardSeconds } from "./timing";

type ServingProxy = { id: string; cluster_id: string; cpu_cores: number | null; memory_mb: number | null };
export type ClusterRebalance = { clusterId: string; plan: RebalancePlan };

/** Claims the clusters due for a pass that have two or more serving proxies, heard within about an interval. */
async function claimClusters(now: Date, intervalSeconds: number): Promise<Map<string, ServingProxy[]>> {
  const since = new Date(now.getTime() - recentlyHeardSeconds() * 1000);
  // A little under the interval, so that timer drift does not skip every other pass.
  const due = new Date(now.getTime() - intervalSeconds * 900);
  const rows = await queryRows<ServingProxy>(Prisma.sql`
    WITH serving AS (
      SELECT p.id, p.cluster_id, a.cpu_cores, a.memory_mb FROM proxy_server p JOIN asset a ON a.id = p.asset_id
       WHERE p.last_heartbeat_at >= ${since} AND p.stopped_at IS NULL
    ), claimed AS (
      UPDATE proxy_cluster c SET rebalanced_at = ${now}
       WHERE c.id IN (SELECT cluster_id FROM serving GROUP BY cluster_id HAVING count(*) >= 2)
         AND (c.rebalanced_at IS NULL OR c.rebalanced_at <= ${due})
      RETURNING c.id
    )
    SELECT s.* FROM serving s JOIN claimed c ON c.id = s.cluster_id`);
  const byCluster = new Map<string, ServingProxy[]>();
  for (const row of rows) byCluster.set(row.cluster_id, [...(byCluster.get(row.cluster_id) ?? []), row]);
  return byCluster;
}

/** What each serving proxy holds: the agents it vouches for, less those asked to leave it, plus those asked to come. */
async function holdings(proxyIds: string[], now: Date): Promise<Map<string, number>> {
  const fresh = new Date(now.getTime() - moveStaleSeconds() * 1000);
  const rows = await queryRows<{ proxy_id: string; held: number }>(Prisma.sql`
    SELECT CASE WHEN a.move_requested_at >= ${fresh} THEN a.move_to_proxy_id ELSE a.via_proxy_id END AS proxy_id, count(*)::int AS held
      FROM asset a
     WHERE a.via_proxy_id = ANY(${proxyIds}::uuid[])
        OR (a.move_to_proxy_id = ANY(${proxyIds}::uuid[]) AND a.move_requested_at >= ${fresh})
     GROUP BY 1`);
  return new Map(rows.map((r) => [r.proxy_id, r.held]));
}

async function applyPlan(clusterId: string, plan: RebalancePlan, now: Date) {
  const fresh = new Date(now.getTime() - moveStaleSeconds() * 1000);
  await db().$transaction(async (tx) => {
    for (const move of plan.moves) {
      // Any agents of the giver not already on their way; relay_pending brings the new route to
      // them through the giver's next heartbeat answer.
      await tx.$executeRaw(Prisma.sql`
        UPDATE asset SET move_to_proxy_id = ${move.to}::uuid, move_requested_at = ${now}, relay_pending = true
         WHERE id IN (SELECT id FROM asset WHERE via_proxy_id = ${move.from}::uuid
                        AND (move_to_proxy_id IS NULL OR move_requested_at < ${fresh}) LIMIT ${move.count})`);
    }
    const [cluster] = await tx.$queryRaw<{ name: string; region: "cn" | "intl" }[]>(
      Prisma.sql`SELECT name, region::text AS region FROM proxy_cluster WHERE id = ${clusterId}::uuid`,
    );
    await auditInTx(
      tx,
      systemContext("rebalance"),
      "cluster.rebalance",
      { type: "cluster", id: clusterId, name: cluster?.name ?? null, region: cluster?.region ?? null },
      { reason: plan.reason, moved: plan.moved, moves: plan.moves, shares: plan.shares },
    );
  });
}

/** One pass over every cluster that is due; returns the rebalances it made. */
export async function rebalanceClusters(
  now = new Date(),
  intervalSeconds = rebalanceIntervalSeconds(),
): Promise<ClusterRebalance[]> {
  // Just after an outage (issue 15) what the console knows of the fleet predates it: no moves on
  // that, until the proxies have been heard again.
  if (livenessDiscounted(now)) return [];
  const claimed = await claimClusters(now, intervalSeconds);
  const done: ClusterRebalance[] = [];
  for (const [clusterId, proxies] of claimed) {
    const held = await holdings(
      proxies.map((p) => p.id),
      now,
    );
    const plan = planRebalance(
      proxies.map((p) => ({ proxyId: p.id, capacity: proxyCapacity(p.cpu_cores, p.memory_mb), held: held.get(p.id) ?? 0 })),
      movesPerPass(intervalSeconds),
    );
    if (!plan) continue;
    await applyPlan(clusterId, plan, now);
    log.info({ clusterId, reason: plan.reason, moved: plan.moved, moves: plan.moves }, "proxy group rebalanced");
    done.push({ clusterId, plan });
  }
  return done;
}

let timer: NodeJS.Timeout | null = null;

/** Started once per console process (instrumentation.ts); REBALANCE_INTERVAL_SECONDS (default 60). */
export function startRebalanceWorker(intervalSeconds = rebalanceIntervalSeconds()) {
  if (timer) return;
  let busy = false;
  timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      rebalanceClusters(new Date(), intervalSeconds)
        .catch((err) => log.error({ err }, "rebalance pass failed; trying again next interval"))
        .finally(() => (busy = false));
    },
    Math.min(intervalSeconds, 15) * 1000,
  );
  timer.unref();
}

/** On shutdown (SIGTERM): no new passes. */
export function stopRebalanceWorker() {
  if (timer) clearInterval(timer);
  timer = null;
}
