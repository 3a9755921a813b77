// Browser calls of the cluster API (SPEC §5); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { CreateClusterInput, Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "@/lib/clusters/serialize";

export type { ClusterDto };

export async function listClusters(region: Region, q: string, signal?: AbortSignal): Promise<ClusterDto[]> {
  const params = new URLSearchParams({ region });
  if (q) params.set("q", q);
  const { items } = await fetchJson<{ items: ClusterDto[] }>(`/api/v1/clusters?${params}`, { signal });
  return items;
}

export function getCluster(id: string, signal?: AbortSignal): Promise<ClusterDto> {
  return fetchJson<ClusterDto>(`/api/v1/clusters/${encodeURIComponent(id)}`, { signal });
}

export function createCluster(input: CreateClusterInput): Promise<ClusterDto> {
  return fetchJson<ClusterDto>("/api/v1/clusters", { method: "POST", body: input });
}

/** The description (R3), the minimum of online proxies (issue 16) and TLS (issue 17) change; name and address do not. */
export function updateCluster(
  id: string,
  patch: { description?: string; minOnlineProxies?: number; requireTls?: boolean; tlsPort?: number },
): Promise<ClusterDto> {
  return fetchJson<ClusterDto>(`/api/v1/clusters/${encodeURIComponent(id)}`, { method: "PATCH", body: patch });
}

export function deleteCluster(id: string): Promise<void> {
  return fetchJson<void>(`/api/v1/clusters/${encodeURIComponent(id)}`, { method: "DELETE" });
}
