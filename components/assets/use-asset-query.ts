// The asset filters, sort and search of a list page live in the URL: a filtered list survives a
// reload and can be shared. One merge applies every change (use-search-state.ts).
"use client";
import { useSearchState } from "@/components/ui/use-search-state";
import { mergeAssetQuery, readAssetQuery, type AssetListQuery } from "./asset-filter-params";

export function useAssetQuery(): [AssetListQuery, (patch: Partial<AssetListQuery>) => void] {
  return useSearchState(readAssetQuery, mergeAssetQuery);
}
