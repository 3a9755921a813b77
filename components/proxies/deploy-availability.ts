// R4 as the panels show it: an IP-address cluster that already holds its one proxy server offers
// no deploy. The server enforces the rule (lib/proxies/deploy-rules.ts); this only explains it.
import { isIpAddressKind } from "@/lib/clusters/address";
import type { ClusterDto } from "@/lib/clusters/serialize";

export function isIpCluster(cluster: Pick<ClusterDto, "addressKind">): boolean {
  return isIpAddressKind(cluster.addressKind);
}

export function ipClusterFull(cluster: Pick<ClusterDto, "addressKind">, proxyCount: number): boolean {
  return isIpCluster(cluster) && proxyCount >= 1;
}
