// The one query-key factory of the clusters feature; mutations invalidate these exact prefixes.
import type { Region } from "@/lib/clusters/schemas";

export const clusterKeys = {
  all: ["clusters"] as const,
  /** Every list (any search) of one region: what a create, edit or delete there invalidates. */
  lists: (region: Region) => [...clusterKeys.all, region, "list"] as const,
  list: (region: Region, q: string) => [...clusterKeys.lists(region), { q }] as const,
  /** One cluster (its pages): what a change to that cluster or its proxies invalidates. */
  detail: (clusterId: string) => [...clusterKeys.all, "detail", clusterId] as const,
};
