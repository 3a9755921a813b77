// The one query-key factory of the clusters feature; mutations invalidate these exact prefixes.
import type { Region } from "@/lib/clusters/schemas";

export const clusterKeys = {
  all: ["clusters"] as const,
  /** Every list (any search) of one region: what a create, edit or delete there invalidates. */
  lists: (region: Region) => [...clusterKeys.all, region, "list"] as const,
  list: (region: Region, q: string) => [...clusterKeys.lists(region), { q }] as const,
};
