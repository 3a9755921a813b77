// Why a server cannot be quick-deployed as a proxy of this cluster, shown before the server
// refuses it (R5: Linux only, online agent; hosts, not containers; one cluster per proxy). Hosts of other regions
// are never listed (R1).
import type { AssetDto } from "@/components/assets/asset-api";

export type Ineligibility = "container" | "windows" | "alreadyProxyHere" | "alreadyProxy" | "agentOffline";

export function ineligibility(asset: AssetDto, clusterId: string): Ineligibility | null {
  if (asset.type === "container") return "container";
  if (asset.os !== "linux") return "windows";
  if (asset.proxyOf === clusterId) return "alreadyProxyHere";
  if (asset.proxyOf) return "alreadyProxy";
  if (asset.agentStatus !== "online") return "agentOffline";
  return null;
}
