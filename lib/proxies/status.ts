// R6/R7: statuses are derived at read time from the last heartbeat, never stored.

export type ProxyStatus = "deploying" | "online" | "offline" | "upgrading";
export type ClusterStatus = "online" | "offline";
export type AgentStatus = "online" | "offline";

export type ProxyHeartbeatState = {
  lastHeartbeatAt: Date | null;
  version: string | null;
  targetVersion: string | null;
};

function isFresh(at: Date | null, now: Date, offlineAfterSeconds: number): boolean {
  return at !== null && now.getTime() - at.getTime() <= offlineAfterSeconds * 1000;
}

export function proxyStatus(proxy: ProxyHeartbeatState, now: Date, offlineAfterSeconds: number): ProxyStatus {
  if (proxy.lastHeartbeatAt === null) return "deploying";
  if (!isFresh(proxy.lastHeartbeatAt, now, offlineAfterSeconds)) return "offline";
  if (proxy.targetVersion && proxy.targetVersion !== proxy.version) return "upgrading";
  return "online";
}

/** A proxy that is upgrading still heartbeats and relays, so it keeps its cluster online. */
export function isServing(status: ProxyStatus): boolean {
  return status === "online" || status === "upgrading";
}

export function clusterStatus(proxyStatuses: readonly ProxyStatus[]): ClusterStatus {
  return proxyStatuses.some(isServing) ? "online" : "offline";
}

export function agentStatus(lastSeenAt: Date | null, now: Date, offlineAfterSeconds: number): AgentStatus {
  return isFresh(lastSeenAt, now, offlineAfterSeconds) ? "online" : "offline";
}
