// R6/R7: statuses are derived at read time from the last heartbeat, never stored. Issue 16 adds
// the proxy group's minimum: a cluster with fewer serving proxies than it asks for is degraded.

export type ProxyStatus = "deploying" | "online" | "offline" | "upgrading" | "stopping";
export type ClusterStatus = "online" | "degraded" | "offline";
/** "not_installed": a server known only from a manually deployed proxy; no agent protects it. */
export type AgentStatus = "online" | "offline" | "not_installed";
/** A client's agent can also be out of reach because the proxy that relays it is (SPEC §8). */
export type ClientAgentStatus = AgentStatus | "proxy_offline";

export type ProxyHeartbeatState = {
  lastHeartbeatAt: Date | null;
  /** Set when the proxy said it was stopping (SIGTERM): offline at once. */
  stoppedAt?: Date | null;
  /** Set by Stop proxy: "stopping" until the proxy is offline (issue 13). */
  stopRequestedAt?: Date | null;
  version: string | null;
  targetVersion: string | null;
};

function isFresh(at: Date | null, now: Date, offlineAfterSeconds: number): boolean {
  return at !== null && now.getTime() - at.getTime() <= offlineAfterSeconds * 1000;
}

export function proxyStatus(proxy: ProxyHeartbeatState, now: Date, offlineAfterSeconds: number): ProxyStatus {
  if (proxy.lastHeartbeatAt === null) return "deploying";
  if (!isFresh(proxy.lastHeartbeatAt, now, offlineAfterSeconds)) return "offline";
  if (proxy.stoppedAt) return "offline";
  if (proxy.stopRequestedAt) return "stopping";
  if (proxy.targetVersion && proxy.targetVersion !== proxy.version) return "upgrading";
  return "online";
}

/** The columns of proxy_server that proxyStatus() reads, as a raw SQL query returns them. */
export type ProxyStatusRow = {
  last_heartbeat_at: Date | null;
  stopped_at: Date | null;
  stop_requested_at: Date | null;
  version: string | null;
  target_version: string | null;
};

/** proxyStatus() of a raw proxy_server row (the metrics' and the alerts' SQL). */
export function proxyStatusOfRow(row: ProxyStatusRow, now: Date, offlineAfterSeconds: number): ProxyStatus {
  return proxyStatus(
    {
      lastHeartbeatAt: row.last_heartbeat_at,
      stoppedAt: row.stopped_at,
      stopRequestedAt: row.stop_requested_at,
      version: row.version,
      targetVersion: row.target_version,
    },
    now,
    offlineAfterSeconds,
  );
}

/** A proxy that is upgrading or stopping still heartbeats and relays, so it keeps its cluster online. */
export function isServing(status: ProxyStatus): boolean {
  return status === "online" || status === "upgrading" || status === "stopping";
}

/**
 * R6 with the proxy group's minimum (issue 16, after Zabbix's min_online): online with at least
 * `minOnline` serving proxies, degraded with some but fewer, offline with none. A minimum of 1
 * (every IP cluster, and the default) is R6 as written: online as soon as one proxy serves.
 */
export function clusterStatus(proxyStatuses: readonly ProxyStatus[], minOnline = 1): ClusterStatus {
  const serving = proxyStatuses.filter(isServing).length;
  if (serving === 0) return "offline";
  return serving >= Math.max(1, minOnline) ? "online" : "degraded";
}

/** A degraded cluster still relays and takes clients: only an offline one cannot. */
export function isClusterServing(status: ClusterStatus): boolean {
  return status !== "offline";
}

export function agentStatus(
  agent: { lastSeenAt: Date | null; installed: boolean },
  now: Date,
  offlineAfterSeconds: number,
): AgentStatus {
  if (!agent.installed) return "not_installed";
  return isFresh(agent.lastSeenAt, now, offlineAfterSeconds) ? "online" : "offline";
}

/**
 * A client agent heard directly is online while its own heartbeats are fresh; one relayed by a
 * proxy is online while that proxy is (its heartbeats vouch for the agents it hears), and shows
 * "proxy offline" when that proxy is silent or stopped: not the agent's fault.
 */
export function clientAgentStatus(
  seen: { lastSeenAt: Date | null; viaProxyId: string | null; viaProxySeenAt: Date | null; installed: boolean },
  now: Date,
  offlineAfterSeconds: number,
): ClientAgentStatus {
  if (!seen.installed) return "not_installed";
  if (isFresh(seen.lastSeenAt, now, offlineAfterSeconds)) return "online";
  if (seen.viaProxyId === null) return "offline";
  return isFresh(seen.viaProxySeenAt, now, offlineAfterSeconds) ? "online" : "proxy_offline";
}
