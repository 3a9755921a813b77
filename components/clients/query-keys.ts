// The one query-key factory of a cluster's clients; a connect or disconnect invalidates
// `cluster(id)` (list, usage, window, jobs) and the inventory and cluster lists it changes.
import type { AssetListQuery } from "@/components/assets/asset-filter-params";

export const clientKeys = {
  all: ["clients"] as const,
  cluster: (clusterId: string) => [...clientKeys.all, clusterId] as const,
  lists: (clusterId: string) => [...clientKeys.cluster(clusterId), "list"] as const,
  list: (clusterId: string, query: AssetListQuery) => [...clientKeys.lists(clusterId), query] as const,
  total: (clusterId: string, query: AssetListQuery) => [...clientKeys.lists(clusterId), query, "total"] as const,
  usage: (clusterId: string) => [...clientKeys.cluster(clusterId), "usage"] as const,
  window: (clusterId: string) => [...clientKeys.cluster(clusterId), "window"] as const,
  jobs: (clusterId: string) => [...clientKeys.cluster(clusterId), "jobs"] as const,
};
