// The one query-key factory of the proxy servers feature; mutations invalidate these exact keys.
export const proxyKeys = {
  all: ["proxies"] as const,
  /** The proxy servers of one cluster: what a deploy, upgrade, stop or delete there invalidates. */
  list: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "list"] as const,
  /** What the cluster's proxies relayed in the last hour, and their cache fill: polled, never invalidated. */
  traffic: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "traffic"] as const,
};
