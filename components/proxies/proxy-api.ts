// Browser calls of the proxy server API (SPEC §5); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { listProxies } from "@/lib/proxies/list-proxies";
import type { clusterTraffic } from "@/lib/relay/cluster-traffic";

export type ProxyList = Awaited<ReturnType<typeof listProxies>>;
export type ProxyDto = ProxyList["items"][number];

/** GET /api/v1/clusters/{id}/traffic: kbps per minute and proxy over the last hour, cache fill. */
export type ClusterTraffic = Awaited<ReturnType<typeof clusterTraffic>>;

export type QuickDeployResult = { mode: "quick"; proxies: { id: string; assetId: string; hostname: string }[] };
export type ManualDeployResult = { mode: "manual"; command: string; token: string; expiresAt: string };

const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;
const proxy = (id: string) => `/api/v1/proxies/${encodeURIComponent(id)}`;

export function listClusterProxies(clusterId: string, signal?: AbortSignal): Promise<ProxyList> {
  return fetchJson<ProxyList>(`${cluster(clusterId)}/proxies`, { signal });
}

export function getClusterTraffic(clusterId: string, signal?: AbortSignal): Promise<ClusterTraffic> {
  return fetchJson<ClusterTraffic>(`${cluster(clusterId)}/traffic`, { signal });
}

export function deployQuick(clusterId: string, assetIds: string[]): Promise<QuickDeployResult> {
  return fetchJson<QuickDeployResult>(`${cluster(clusterId)}/proxies`, { method: "POST", body: { mode: "quick", assetIds } });
}

export function deployManual(clusterId: string, expiresInHours: number): Promise<ManualDeployResult> {
  return fetchJson<ManualDeployResult>(`${cluster(clusterId)}/proxies`, {
    method: "POST",
    body: { mode: "manual", expiresInHours },
  });
}

export function upgradeProxy(id: string): Promise<{ status: "upgrading"; from: string | null; to: string }> {
  return fetchJson(`${proxy(id)}/upgrade`, { method: "POST" });
}

export function stopProxy(id: string): Promise<{ stopRequested: true }> {
  return fetchJson(`${proxy(id)}/stop`, { method: "POST" });
}

/** `clientsWithoutProxy`: the operator confirmed deleting the last proxy of a cluster with clients. */
export function deleteProxy({ id, clientsWithoutProxy = false }: { id: string; clientsWithoutProxy?: boolean }): Promise<void> {
  return fetchJson<void>(clientsWithoutProxy ? `${proxy(id)}?clientsWithoutProxy=confirm` : proxy(id), { method: "DELETE" });
}
