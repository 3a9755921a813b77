// POST /api/v1/agent/proxies/{id}/heartbeat — keeps a proxy online (R7); finishes deploy and
// upgrade tasks when the proxy reports in; answers with tasks and the cluster's policy.
// Every proxy sends one every HEARTBEAT_INTERVAL_SECONDS, and sooner (at most once a second)
// when agents join or leave it: one statement reads, one writes, and one more for each of joins,
// leaves and the pending changes of its agents (lib/relay/relay-clients.ts), whatever their number.
import { z } from "zod";
import type { AgentPrincipal } from "@/lib/agents/authenticate-agent";
import type { proxyHeartbeatSchema } from "@/lib/agents/schemas";
import { config } from "@/lib/config";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { recordAuditEvent } from "@/lib/audit/audited";
import { db, queryRows } from "@/lib/db/client";
import { systemContext } from "@/lib/http/context";
import { Prisma, type PolicyMode } from "@/lib/generated/prisma/client";
import type { CacheDataType } from "@/lib/policy/data-types";
import { AppError } from "@/lib/http/errors";
import { proxyDeleted } from "@/lib/proxies/stop-command";
import { deferSeconds, withJoinSlot } from "@/lib/relay/relay-gates";
import { joinAgents, leaveAgents, pendingUpdates } from "@/lib/relay/relay-clients";
import { metrics } from "@/lib/metrics/registry";
import { proxyTls, type ClusterTlsState } from "@/lib/pki/proxy-tls";

type OpenTask = { id: string; type: "deploy_proxy" | "upgrade_proxy" | "stop_proxy"; payload: unknown; delivered: boolean };

type ProxyState = {
  asset_id: string;
  cluster_id: string;
  target_version: string | null;
  upgrade_failed_version: string | null;
  upgrade_failed_reason: string | null;
  policy: {
    version: number;
    mode: PolicyMode;
    bandwidthKbps: number | null;
    frequencyPerMin: number | null;
    cacheDir: string;
    cacheMaxBytes: number | string;
    dataTypes: CacheDataType[];
  } | null;
  open: OpenTask[];
} & ClusterTlsState;

function upgradeVersionOf(task: OpenTask): string | null {
  const version = (task.payload as { version?: unknown } | null)?.version;
  return typeof version === "string" ? version : null;
}

/** The system writes the event: no operator did this (R20). */
async function auditUpgradeFailure(
  proxyId: string,
  hostname: string,
  failed: { version: string; outcome: string; reason: string },
) {
  const region = await db().proxyServer.findUnique({ where: { id: proxyId }, select: { cluster: { select: { region: true } } } });
  await recordAuditEvent(
    systemContext("proxy daemon"),
    failed.outcome === "refused" ? "proxy.upgrade_refused" : "proxy.upgrade_rolled_back",
    { type: "proxy", id: proxyId, name: hostname, region: region?.cluster.region ?? null },
    { version: failed.version, outcome: failed.outcome, reason: failed.reason },
  );
}

export async function proxyHeartbeat(
  agent: AgentPrincipal,
  proxyId: string,
  input: z.output<typeof proxyHeartbeatSchema>,
  consoleUrl: string,
) {
  const [proxy] = await queryRows<ProxyState>(Prisma.sql`
    SELECT p.asset_id, p.cluster_id, p.target_version, p.upgrade_failed_version, p.upgrade_failed_reason, c.require_tls, c.tls_port,
           (SELECT json_build_object('id', cc.id, 'fingerprint', cc.fingerprint, 'certPem', cc.cert_pem,
                                     'sealedKey', cc.sealed_key, 'notBefore', cc.not_before, 'notAfter', cc.not_after)
              FROM cluster_certificate cc WHERE cc.cluster_id = p.cluster_id ORDER BY cc.not_after DESC LIMIT 1) AS certificate,
           (SELECT json_build_object('version', pol.version, 'mode', pol.mode, 'bandwidthKbps', pol.bandwidth_kbps,
                                     'frequencyPerMin', pol.frequency_per_min, 'cacheDir', pol.cache_dir,
                                     'cacheMaxBytes', pol.cache_max_bytes, 'dataTypes', pol.data_types)
              FROM proxy_policy pol WHERE pol.cluster_id = p.cluster_id) AS policy,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'type', t.type, 'payload', t.payload,
                                                       'delivered', t.delivered_at IS NOT NULL) ORDER BY t.created_at)
                       FROM agent_task t WHERE t.asset_id = ${agent.assetId}::uuid AND t.completed_at IS NULL), '[]') AS open
      FROM proxy_server p JOIN proxy_cluster c ON c.id = p.cluster_id WHERE p.id = ${proxyId}::uuid`);
  // A deleted proxy must stop: 410 tells the daemon so (issue #4).
  if (!proxy) throw proxyDeleted();
  if (proxy.asset_id !== agent.assetId || (agent.proxyId && agent.proxyId !== proxyId)) {
    throw new AppError("FORBIDDEN", "This credential belongs to another server.");
  }
  const now = new Date();
  const offlineSince = new Date(now.getTime() - offlineAfterSecondsAt(now) * 1000);
  const upgraded = proxy.target_version !== null && proxy.target_version === input.proxyVersion;
  // A failed or refused upgrade (issue 17) closes its task and ends "upgrading"; a report repeated
  // because the last answer was lost is recorded (and audited) once.
  const failed = input.upgrade ?? null;
  const failedTask = (t: OpenTask) => t.type === "upgrade_proxy" && failed !== null && upgradeVersionOf(t) === failed.version;
  const newFailure =
    failed !== null &&
    (proxy.open.some(failedTask) ||
      proxy.target_version === failed.version ||
      failed.version !== proxy.upgrade_failed_version ||
      failed.reason !== proxy.upgrade_failed_reason);
  const endsUpgrade = (t: OpenTask) => t.type === "upgrade_proxy" && (upgraded || failedTask(t));
  const finished = proxy.open.filter((t) => t.type === "deploy_proxy" || endsUpgrade(t));
  const tasks = proxy.open.filter((t) => (t.type === "upgrade_proxy" && !endsUpgrade(t)) || t.type === "stop_proxy");
  const clearTarget = upgraded || (failed !== null && proxy.target_version === failed.version);
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
             -- A stop request holds until the proxy is offline; a heartbeat after it stopped or
             -- fell silent is a restart, which clears it (issue 13).
             stop_requested_at = CASE WHEN ${input.stopping}::boolean THEN stop_requested_at
                                      WHEN stopped_at IS NOT NULL OR last_heartbeat_at < ${offlineSince} THEN NULL
                                      ELSE stop_requested_at END,
             listen = COALESCE(${input.listen ?? null}::text[], listen),
             tls_fingerprint = ${input.tlsFingerprint ?? null},
             target_version = CASE WHEN ${clearTarget}::boolean THEN NULL ELSE target_version END,
             upgrade_failed_version = CASE WHEN ${newFailure}::boolean THEN ${failed?.version ?? null}::text
                                           WHEN ${upgraded}::boolean THEN NULL ELSE upgrade_failed_version END,
             upgrade_failed_outcome = CASE WHEN ${newFailure}::boolean THEN ${failed?.outcome ?? null}::text
                                           WHEN ${upgraded}::boolean THEN NULL ELSE upgrade_failed_outcome END,
             upgrade_failed_reason = CASE WHEN ${newFailure}::boolean THEN ${failed?.reason ?? null}::text
                                          WHEN ${upgraded}::boolean THEN NULL ELSE upgrade_failed_reason END,
             upgrade_failed_at = CASE WHEN ${newFailure}::boolean THEN ${now}::timestamptz
                                      WHEN ${upgraded}::boolean THEN NULL ELSE upgrade_failed_at END
       WHERE id = ${proxyId}::uuid
    ), tasks AS (
      UPDATE agent_task
         SET completed_at = CASE WHEN id = ANY(${completed}::uuid[]) THEN ${now} ELSE completed_at END,
             delivered_at = CASE WHEN id = ANY(${delivered}::uuid[]) THEN ${now} ELSE delivered_at END
       WHERE id = ANY(${[...completed, ...delivered]}::uuid[])
    )
    SELECT 1`);
  if (newFailure) await auditUpgradeFailure(proxyId, agent.name, failed);
  const relay = { id: proxyId, clusterId: proxy.cluster_id };
  const { joined, left } = input.clients;
  if (joined.length + left.length > 0) {
    metrics().relayBatches.inc();
    metrics().relayBatchClients.observe(joined.length + left.length);
  }
  const [joins, , updates, tls] = await Promise.all([
    joined.length ? withJoinSlot(() => joinAgents(relay, joined, consoleUrl, now)) : [],
    leaveAgents(relay, left, now),
    input.stopping ? [] : pendingUpdates(relay, consoleUrl, now),
    // A proxy that sends no tlsFingerprint serves no TLS (an older daemon, a simulated proxy).
    input.tlsFingerprint === undefined ? null : proxyTls(proxy, input.tlsFingerprint, now),
  ]);
  const policy = proxy.policy;
  return {
    // Joins deferred (relay-gates.ts): none is answered, and the proxy reports them again after this.
    clients: joins ? { joined: joins, updates } : { joined: [], updates, retryAfterSeconds: deferSeconds() },
    /** The proxy counts an agent as gone after this much silence, as the console would (R7). */
    offlineAfterSeconds: config.offlineAfterSeconds,
    tasks: tasks.map((t) => ({
      id: t.id,
      type: t.type === "upgrade_proxy" ? ("upgrade" as const) : ("stop" as const),
      payload: t.payload,
    })),
    policy: policy ? { ...policy, cacheMaxBytes: Number(policy.cacheMaxBytes) } : null,
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
    ...(tls ? { tls } : {}),
  };
}
