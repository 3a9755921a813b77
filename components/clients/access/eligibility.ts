// Whether an asset can join this cluster from the panel, and what happens if it does: only online
// agents connect (R11), proxy servers are not clients, an asset of another cluster moves (R15).
import type { AssetDto } from "@/components/assets/asset-api";

export type Eligibility =
  | { selectable: false; reason: "proxy" | "offline" | "here" }
  | { selectable: true; moveFrom: { id: string; name: string } | null };

export function eligibility(asset: AssetDto, clusterId: string): Eligibility {
  if (asset.proxyOf) return { selectable: false, reason: "proxy" };
  if (asset.cluster?.id === clusterId) return { selectable: false, reason: "here" };
  if (asset.agentStatus !== "online") return { selectable: false, reason: "offline" };
  return { selectable: true, moveFrom: asset.cluster ? { id: asset.cluster.id, name: asset.cluster.name } : null };
}

/** What the panel keeps of a selected asset: enough to count moves and to name problems. */
export type PickedAsset = Pick<AssetDto, "id" | "hostname" | "cluster">;

export function picked(asset: AssetDto): PickedAsset {
  return { id: asset.id, hostname: asset.hostname, cluster: asset.cluster };
}
