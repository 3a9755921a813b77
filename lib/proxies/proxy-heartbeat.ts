// POST /api/v1/agent/proxies/{id}/heartbeat — keeps a proxy online (R7); finishes deploy and
// upgrade tasks when the proxy reports in; answers with tasks and the cluster's policy.
// Every proxy sends one every HEARTBEAT_INTERVAL_SECONDS, and sooner (at most once a second)
// when agents join or leave it: one statement reads, one writes, and one more for each of joins,
// leaves and the pending changes of its agents (lib/relay/relay-clients.ts), whatever their number.
import { z } from "zod";
import type { AgentPrincipal } from "@/lib/agents/authenticate-agent";
import type { proxyHeartbeatSchema } from "@/lib/agents/schemas";
import { config } from "@/lib/config";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { proxyDeleted } from "@/lib/proxies/stop-command";
import { deferSeconds, withJoinSlot } from "@/lib/relay/relay-gates";
import { joinAgents, leaveAgents, pendingUpdates } from "@/lib/relay/relay-clients";

type OpenTask = { id: string; type: "deploy_proxy" | "upgrade_proxy" | "stop_proxy"; payload: unknown; delivered: boolean };

type ProxyState = {
  asset_id: string;
  cluster_id: string;
  target_version: string | null;
  policy: {
    version: number;
    mode: string;
    bandwidthKbps: number | null;
    frequencyPerMin: number | null;
    cacheDir: string;
    cacheMaxBytes: number | string;
    dataTypes: string[];
  } | null;
  open: OpenTask[];
};

export async function proxyHeartbeat(
  agent: AgentPrincipal,
  proxyId: string,
  input: z.output<typeof proxyHeartbeatSchema>,
  consoleUrl: string,
) {
  const [proxy] = await queryRows<ProxyState>(Prisma.sql`
    SELECT p.asset_id, p.cluster_id, p.target_version,
           (SELECT json_build_object('version', pol.version, 'mode', pol.mode, 'bandwidthKbps', pol.bandwidth_kbps,
                                     'frequencyPerMin', pol.frequency_per_min, 'cacheDir', pol.cache_dir,
                                     'cacheMaxBytes', pol.cache_max_bytes, 'dataTypes', pol.data_types)
              FROM proxy_policy pol WHERE pol.cluster_id = p.cluster_id) AS policy,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'type', t.type, 'payload', t.payload,
                                                       'delivered', t.delivered_at IS NOT NULL) ORDER BY t.created_at)
                       FROM agent_task t WHERE t.asset_id = ${agent.assetId}::uuid AND t.completed_at IS NULL), '[]') AS open
      FROM proxy_server p WHERE p.id = ${proxyId}::uuid`);
  // A deleted proxy must stop: 410 tells the daemon so (issue #4).
  if (!proxy) throw proxyDeleted();
  if (proxy.asset_id !== agent.assetId || (agent.proxyId && agent.proxyId !== proxyId)) {
    throw new AppError("FORBIDDEN", "This credential belongs to another server.");
  }
  const now = new Date();
  const upgraded = proxy.target_version !== null && proxy.target_version === input.proxyVersion;
  const finished = proxy.open.filter((t) => t.type === "deploy_proxy" || (upgraded && t.type === "upgrade_proxy"));
  const tasks = proxy.open.filter((t) => (t.type === "upgrade_proxy" && !upgraded) || t.type === "stop_proxy");
  // A stop is done once handed over: the proxy exits and its heartbeats stop.
  const completed = [...finished, ...tasks.filter((t) => t.type === "stop_proxy")].map((t) => t.id);
  const delivered = tasks.filter((t) => !t.delivered).map((t) => t.id);
  // One statement, so all of it or none. A task row is written by one UPDATE only (PostgreSQL
  // does not allow the same row twice in one statement).
  await queryRows(Prisma.sql`
    WITH beat AS (
      UPDATE proxy_server SET last_heartbeat_at = ${now}, version = ${input.proxyVersion},
             connected_clients = ${input.connectedClients}, bytes_relayed = ${String(input.bytesRelayed)}::bigint,
             cache_bytes = ${String(input.cacheBytes)}::bigint, policy_version = ${input.policyVersion}::int,
             queued_bytes = ${String(input.queuedBytes)}::bigint, dropped_bytes = ${String(input.droppedBytes)}::bigint,
             dropped_records = ${String(input.droppedRecords)}::bigint,
             stopped_at = ${input.stopping ? now : null}::timestamptz,
             listen = COALESCE(${input.listen ?? null}::text[], listen),
             target_version = CASE WHEN ${upgraded}::boolean THEN NULL ELSE target_version END
       WHERE id = ${proxyId}::uuid
    ), seen AS (
      -- The proxy process hosts the agent on a manually deployed server (its own credential), so
      -- it keeps it online. A quick-deployed proxy's agent reports for itself.
      UPDATE asset SET agent_last_seen_at = ${now}, updated_at = ${now}
       WHERE id = ${agent.assetId}::uuid AND ${agent.proxyId !== null}::boolean
    ), tasks AS (
      UPDATE agent_task
         SET completed_at = CASE WHEN id = ANY(${completed}::uuid[]) THEN ${now} ELSE completed_at END,
             delivered_at = CASE WHEN id = ANY(${delivered}::uuid[]) THEN ${now} ELSE delivered_at END
       WHERE id = ANY(${[...completed, ...delivered]}::uuid[])
    )
    SELECT 1`);
  const relay = { id: proxyId, clusterId: proxy.cluster_id };
  const { joined, left } = input.clients;
  const [joins, , updates] = await Promise.all([
    joined.length ? withJoinSlot(() => joinAgents(relay, joined, consoleUrl, now)) : [],
    leaveAgents(relay, left, now),
    input.stopping ? [] : pendingUpdates(relay, consoleUrl, now),
  ]);
  const policy = proxy.policy;
  return {
    // Joins deferred (relay-gates.ts): none is answered, and the proxy reports them again after this.
    clients: joins ? { joined: joins, updates } : { joined: [], updates, retryAfterSeconds: deferSeconds() },
    /** The proxy counts an agent as gone after this much silence, as the console would (R7). */
    offlineAfterSeconds: config.offlineAfterSeconds,
    tasks: tasks.map((t) => ({ id: t.id, type: t.type === "upgrade_proxy" ? "upgrade" : "stop", payload: t.payload })),
    policy: policy ? { ...policy, cacheMaxBytes: Number(policy.cacheMaxBytes) } : null,
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
  };
}
