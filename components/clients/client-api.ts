// Browser calls of a cluster's clients, batch window, usage and connect jobs (issue #5); every
// failure is an ApiError.
import type { AssetPage } from "@/components/assets/asset-api";
import type { ListTotal } from "@/lib/assets/count-matches";
import { filterParams, type AssetListQuery } from "@/components/assets/asset-filter-params";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { ConnectResult } from "@/lib/clients/connect-batch";
import type { ConnectJobDto } from "@/lib/clients/connect-jobs";
import type { clusterUsage } from "@/lib/planning/cluster-usage";

export type { ConnectJobDto, ConnectResult };
export type ClusterUsage = Awaited<ReturnType<typeof clusterUsage>>;
export type BatchWindow = {
  now: string;
  intervalSeconds: number;
  batchSize: number;
  retryAfterSeconds: number;
  nextBatchAt: string;
  lastBatch: { id: string; source: "panel" | "install_command"; size: number; createdAt: string } | null;
};
export type DisconnectResult = { disconnected: number; clientCount: number };

/** R12: at most 500 hosts per batch; not configurable (SPEC §7). */
export const BATCH_SIZE = 500;

const base = (clusterId: string) => `/api/v1/clusters/${encodeURIComponent(clusterId)}`;

/** The filter as the client list understands it (it has no "connected" filter: all are). */
export function clientFilterParams(query: AssetListQuery): URLSearchParams {
  const params = filterParams(query);
  params.delete("connected");
  return params;
}

export function listClients(clusterId: string, query: AssetListQuery, cursor: string | undefined, signal?: AbortSignal) {
  const params = clientFilterParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", "50");
  return fetchJson<AssetPage>(`${base(clusterId)}/clients?${params}`, { signal });
}

/** How many of the cluster's clients the filter matches (exact, or an estimate marked as one). */
export function countClients(clusterId: string, query: AssetListQuery, signal?: AbortSignal) {
  const params = clientFilterParams(query);
  return fetchJson<ListTotal>(`${base(clusterId)}/clients/count${params.size ? `?${params}` : ""}`, { signal });
}

/** Where the browser downloads the CSV of the current filter (streamed by the server). */
export function exportUrl(clusterId: string, query: AssetListQuery): string {
  const params = clientFilterParams(query).toString();
  return `${base(clusterId)}/clients/export${params ? `?${params}` : ""}`;
}

export function connectClients(clusterId: string, assetIds: string[]): Promise<ConnectResult> {
  return fetchJson<ConnectResult>(`${base(clusterId)}/clients`, { method: "POST", body: { assetIds } });
}

export function disconnectClients(clusterId: string, which: { assetIds: string[] } | { all: true }): Promise<DisconnectResult> {
  return fetchJson<DisconnectResult>(`${base(clusterId)}/clients`, { method: "DELETE", body: which });
}

export function getBatchWindow(clusterId: string, signal?: AbortSignal): Promise<BatchWindow> {
  return fetchJson<BatchWindow>(`${base(clusterId)}/clients/window`, { signal });
}

export function getUsage(clusterId: string, signal?: AbortSignal): Promise<ClusterUsage> {
  return fetchJson<ClusterUsage>(`${base(clusterId)}/usage`, { signal });
}

export async function listConnectJobs(clusterId: string, signal?: AbortSignal): Promise<ConnectJobDto[]> {
  return (await fetchJson<{ items: ConnectJobDto[] }>(`${base(clusterId)}/connect-jobs`, { signal })).items;
}

export function createConnectJob(clusterId: string, assetIds: string[]): Promise<ConnectJobDto> {
  return fetchJson<ConnectJobDto>(`${base(clusterId)}/connect-jobs`, { method: "POST", body: { assetIds } });
}

export function cancelConnectJob(clusterId: string, jobId: string): Promise<ConnectJobDto> {
  return fetchJson<ConnectJobDto>(`${base(clusterId)}/connect-jobs/${encodeURIComponent(jobId)}`, { method: "DELETE" });
}
