// Why a server cannot be quick-deployed as a proxy of this cluster, shown before the server
// refuses it (R5: Linux only, online agent; one cluster per proxy). Hosts of other regions
// are never listed (R1).
import type { AssetDto } from "@/components/assets/asset-api";

export type Ineligibility = "windows" | "alreadyProxyHere" | "alreadyProxy" | "agentOffline";

export function ineligibility(asset: AssetDto, clusterId: string): Ineligibility | null {
  if (asset.os !== "linux") return "windows";
  if (asset.proxyOf === clusterId) return "alreadyProxyHere";
  if (asset.proxyOf) return "alreadyProxy";
  if (asset.agentStatus !== "online") return "agentOffline";
  return null;
}
