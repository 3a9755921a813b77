// Browser calls of the rolling-upgrade API (issue 17); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { RolloutDto, RolloutPreviewDto } from "@/lib/rollouts/responses";

export type { RolloutDto, RolloutPreviewDto };
export type RolloutAction = "pause" | "resume" | "cancel";

const base = (clusterId: string) => `/api/v1/clusters/${encodeURIComponent(clusterId)}/upgrade-rollouts`;

export function listRollouts(clusterId: string, signal?: AbortSignal): Promise<{ items: RolloutDto[] }> {
  return fetchJson(base(clusterId), { signal });
}

export function previewRollout(clusterId: string, signal?: AbortSignal): Promise<RolloutPreviewDto> {
  return fetchJson(`${base(clusterId)}/preview`, { signal });
}

export function startRollout(clusterId: string, batchSize: number): Promise<RolloutDto> {
  return fetchJson(base(clusterId), { method: "POST", body: { batchSize } });
}

export function actOnRollout(clusterId: string, rolloutId: string, action: RolloutAction): Promise<RolloutDto> {
  return fetchJson(`${base(clusterId)}/${encodeURIComponent(rolloutId)}/${action}`, { method: "POST" });
}
