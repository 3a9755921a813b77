// The client half of a proxy heartbeat (SPEC §8): which agents joined the proxy, which left, and
// what changed for those it already vouches for. Each part is one statement whatever its size, and
// a steady fleet sends neither joins nor leaves, so the console's cost follows changes, not size.
// A proxy vouches only for agents connected to its own cluster: anyone else's credential is
// refused item by item (the rest of the batch is applied).
import { hashToken } from "@/lib/crypto/tokens";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { moveStaleSeconds } from "@/lib/rebalance/timing";
import { proxyEndpoints, routeFor, type AgentRoute } from "./route-for";

export type JoinedAgent = { credential: string; agentVersion: string };
export type LeftAgent = { assetId: string; lastSeenAt: Date };
export type RelayProxy = { id: string; clusterId: string };

export type AgentTaskDto = { id: string; type: string; payload: unknown };
export type JoinResult =
  | { status: "accepted"; assetId: string; route: AgentRoute; tasks: AgentTaskDto[] }
  | { status: "elsewhere"; assetId: string; route: AgentRoute }
  | { status: "refused"; reason: "unknown_credential" };
export type AgentUpdate = { assetId: string; revoked: boolean; route: AgentRoute; tasks: AgentTaskDto[] };

/** At most this many pending changes go back in one answer; the rest come with the next heartbeat. */
export const MAX_UPDATES = 5000;

type Move = { proxyId: string; listen: string[]; ips: string[]; at: string };
type Placed = { asset_id: string; cluster_id: string | null; address: string | null };

const route = (row: Placed, consoleUrl: string) =>
  routeFor(row.cluster_id && row.address ? { id: row.cluster_id, address: row.address } : null, consoleUrl);

/** Open deploy tasks of the asset `assetId` (an SQL expression), handed over by the caller's statement. */
const openTasks = (
  assetId: Prisma.Sql,
) => Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', t.id, 'type', replace(t.type::text, '_', '-'), 'payload', t.payload))
    FROM agent_task t WHERE t.asset_id = ${assetId} AND t.completed_at IS NULL AND t.type = 'deploy_proxy'), '[]')`;

/**
 * Agents a proxy reports it now hears. An agent it already vouches for, with nothing pending, is
 * answered without a write: a proxy that restarts (or a whole fleet of them) re-reports its
 * agents, and that costs the console one indexed read per agent, not one row update.
 */
export async function joinAgents(proxy: RelayProxy, joined: JoinedAgent[], consoleUrl: string, now: Date): Promise<JoinResult[]> {
  if (joined.length === 0) return [];
  const hashes = joined.map((j) => hashToken(j.credential));
  const rows = await queryRows<Placed & { n: number; tasks: AgentTaskDto[] | null }>(Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${hashes}::text[], ${joined.map((j) => j.agentVersion)}::text[]) WITH ORDINALITY AS i(hash, version, n)
    ), found AS (
      SELECT i.n, i.version, a.id AS asset_id, cc.cluster_id, c.address,
             (a.via_proxy_id IS NOT DISTINCT FROM ${proxy.id}::uuid AND a.via_credential_hash IS NOT DISTINCT FROM a.agent_credential_hash
              AND NOT a.relay_pending AND a.move_to_proxy_id IS NULL AND a.agent_version IS NOT DISTINCT FROM i.version) AS settled
        FROM input i JOIN asset a ON a.agent_credential_hash = i.hash
        LEFT JOIN client_connection cc ON cc.asset_id = a.id
        LEFT JOIN proxy_cluster c ON c.id = cc.cluster_id
    ), vouched AS (
      UPDATE asset a SET via_proxy_id = ${proxy.id}::uuid, via_credential_hash = a.agent_credential_hash, relay_pending = false,
             move_to_proxy_id = NULL, move_requested_at = NULL,
             agent_last_seen_at = ${now}, agent_version = f.version, updated_at = ${now}
        FROM found f WHERE a.id = f.asset_id AND f.cluster_id = ${proxy.clusterId}::uuid AND NOT f.settled
    ), delivered AS (
      UPDATE agent_task SET delivered_at = ${now}
       WHERE asset_id IN (SELECT asset_id FROM found WHERE cluster_id = ${proxy.clusterId}::uuid)
         AND completed_at IS NULL AND delivered_at IS NULL AND type = 'deploy_proxy'
    )
    SELECT f.n::int AS n, f.asset_id, f.cluster_id, f.address,
           CASE WHEN f.cluster_id = ${proxy.clusterId}::uuid THEN ${openTasks(Prisma.sql`f.asset_id`)} END AS tasks
      FROM found f`);
  const byIndex = new Map(rows.map((r) => [r.n, r]));
  return joined.map((_, i): JoinResult => {
    const row = byIndex.get(i + 1);
    if (!row) return { status: "refused", reason: "unknown_credential" };
    if (row.cluster_id !== proxy.clusterId) return { status: "elsewhere", assetId: row.asset_id, route: route(row, consoleUrl) };
    return { status: "accepted", assetId: row.asset_id, route: route(row, consoleUrl), tasks: row.tasks ?? [] };
  });
}

/** Agents the proxy stopped hearing: no longer vouched for, last seen when the proxy last heard them. */
export async function leaveAgents(proxy: RelayProxy, left: LeftAgent[], now: Date): Promise<void> {
  if (left.length === 0) return;
  const seen = left.map((l) => new Date(Math.min(l.lastSeenAt.getTime(), now.getTime())));
  await queryRows(Prisma.sql`
    UPDATE asset a SET via_proxy_id = NULL, agent_last_seen_at = GREATEST(a.agent_last_seen_at, l.seen), updated_at = ${now}
      FROM unnest(${left.map((l) => l.assetId)}::uuid[], ${seen}::timestamptz[]) AS l(id, seen)
     WHERE a.id = l.id AND a.via_proxy_id = ${proxy.id}::uuid`);
}

/**
 * What the proxy must pass on to agents it vouches for: a revoked or replaced credential, a new
 * route (connected elsewhere, disconnected), a task. Read from the partial index
 * asset_relay_pending_idx and cleared in the same statement; an agent that leaves the cluster or
 * whose credential died is no longer vouched for.
 */
export async function pendingUpdates(proxy: RelayProxy, consoleUrl: string, now: Date): Promise<AgentUpdate[]> {
  const fresh = new Date(now.getTime() - moveStaleSeconds() * 1000);
  const rows = await queryRows<Placed & { revoked: boolean; tasks: AgentTaskDto[]; move: Move | null }>(Prisma.sql`
    WITH pending AS (
      SELECT a.id AS asset_id, a.agent_credential_hash IS DISTINCT FROM a.via_credential_hash AS revoked, cc.cluster_id, c.address,
             ${openTasks(Prisma.sql`a.id`)} AS tasks,
             (SELECT json_build_object('proxyId', t.id, 'listen', t.listen, 'ips', ta.ips, 'at', a.move_requested_at)
                FROM proxy_server t JOIN asset ta ON ta.id = t.asset_id
               WHERE t.id = a.move_to_proxy_id AND t.id <> ${proxy.id}::uuid AND t.cluster_id = cc.cluster_id
                 AND a.move_requested_at >= ${fresh}) AS move
        FROM asset a LEFT JOIN client_connection cc ON cc.asset_id = a.id LEFT JOIN proxy_cluster c ON c.id = cc.cluster_id
       WHERE a.via_proxy_id = ${proxy.id}::uuid AND (a.relay_pending OR a.agent_credential_hash IS DISTINCT FROM a.via_credential_hash)
       LIMIT ${MAX_UPDATES}
    ), cleared AS (
      UPDATE asset a SET relay_pending = false,
             via_proxy_id = CASE WHEN p.revoked OR p.cluster_id IS DISTINCT FROM ${proxy.clusterId}::uuid THEN NULL ELSE a.via_proxy_id END,
             agent_last_seen_at = CASE WHEN p.revoked OR p.cluster_id IS DISTINCT FROM ${proxy.clusterId}::uuid THEN ${now} ELSE a.agent_last_seen_at END
        FROM pending p WHERE a.id = p.asset_id
    ), delivered AS (
      UPDATE agent_task SET delivered_at = ${now}
       WHERE asset_id IN (SELECT asset_id FROM pending) AND completed_at IS NULL AND delivered_at IS NULL AND type = 'deploy_proxy'
    )
    SELECT * FROM pending`);
  return rows.map((r) => {
    const to = route(r, consoleUrl);
    // A rebalance asked this agent to report through another proxy of its cluster (issue 16).
    if (r.move && to.mode === "proxy")
      to.prefer = {
        proxyId: r.move.proxyId,
        endpoints: proxyEndpoints(r.move.listen, r.move.ips),
        requestedAt: new Date(r.move.at).toISOString(),
      };
    return { assetId: r.asset_id, revoked: r.revoked, route: to, tasks: r.tasks ?? [] };
  });
}
