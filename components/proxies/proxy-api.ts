// Browser calls of the proxy server API (SPEC §5); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { AssetPage } from "@/lib/assets/list-assets";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { listProxies } from "@/lib/proxies/list-proxies";
import type { Region } from "@/lib/clusters/schemas";

export type ProxyList = Awaited<ReturnType<typeof listProxies>>;
export type ProxyDto = ProxyList["items"][number];
export type CandidateAsset = AssetPage["items"][number];
export type CandidatePage = AssetPage;

export type QuickDeployResult = { mode: "quick"; proxies: { id: string; assetId: string; hostname: string }[] };
export type ManualDeployResult = { mode: "manual"; command: string; token: string; expiresAt: string };

const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;
const proxy = (id: string) => `/api/v1/proxies/${encodeURIComponent(id)}`;

export function getCluster(id: string, signal?: AbortSignal): Promise<ClusterDto> {
  return fetchJson<ClusterDto>(cluster(id), { signal });
}

export function listClusterProxies(clusterId: string, signal?: AbortSignal): Promise<ProxyList> {
  return fetchJson<ProxyList>(`${cluster(clusterId)}/proxies`, { signal });
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

export function deleteProxy(id: string): Promise<void> {
  return fetchJson<void>(proxy(id), { method: "DELETE" });
}

export type CandidateFilter = { region: Region; q: string; eligibleOnly: boolean };

/** Hosts of the cluster's region for quick deploy; "eligible only" narrows to online Linux agents (R5). */
export function listCandidates(
  filter: CandidateFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CandidatePage> {
  const params = new URLSearchParams({ region: filter.region, type: "host", limit: "50" });
  if (filter.q) params.set("q", filter.q);
  if (filter.eligibleOnly) {
    params.set("os", "linux");
    params.set("agentStatus", "online");
  }
  if (cursor) params.set("cursor", cursor);
  return fetchJson<CandidatePage>(`/api/v1/assets?${params}`, { signal });
}
