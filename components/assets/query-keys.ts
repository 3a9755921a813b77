// The one query-key factory of the asset inventory; connects and disconnects invalidate `all`
// (an asset's cluster column changes).
import type { Region } from "@/lib/clusters/schemas";
import type { AssetListQuery } from "./asset-filter-params";

export const assetKeys = {
  all: ["assets"] as const,
  lists: (region: Region) => [...assetKeys.all, region, "list"] as const,
  list: (region: Region, query: AssetListQuery) => [...assetKeys.lists(region), query] as const,
  /** Under `lists`, so whatever refreshes the rows refreshes their count. */
  total: (region: Region, query: AssetListQuery) => [...assetKeys.lists(region), query, "total"] as const,
  groups: (region: Region) => [...assetKeys.all, region, "groups"] as const,
  tags: (region: Region) => [...assetKeys.all, region, "tags"] as const,
};
