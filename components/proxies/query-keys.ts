// The one query-key factory of the proxy servers feature; mutations invalidate these exact keys.
import type { Region } from "@/lib/clusters/schemas";
import type { CandidateFilter } from "./proxy-api";

export const proxyKeys = {
  all: ["proxies"] as const,
  /** The proxy servers of one cluster: what a deploy, upgrade, stop or delete there invalidates. */
  list: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "list"] as const,
  cluster: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "detail"] as const,
  /** Quick-deploy candidates of one region, any search: a quick deploy there invalidates them. */
  candidatesOf: (region: Region) => [...proxyKeys.all, "candidates", region] as const,
  candidates: (filter: CandidateFilter) => [...proxyKeys.candidatesOf(filter.region), filter] as const,
};
