"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Region } from "@/lib/clusters/schemas";
import { countAssets, listAssets, listGroups, listTags } from "./asset-api";
import type { AssetListQuery } from "./asset-filter-params";
import { assetKeys } from "./query-keys";

/** Agent status comes from heartbeats (R7): the list refreshes while it is on screen. */
export const ASSETS_REFETCH_MS = 30_000;
/** Up to this many loaded pages are kept live. */
export const LIVE_PAGES = 4;
export const PAGE_SIZE = 50;

/** The region's inventory, one keyset page per "load more". */
export function useAssets(region: Region, query: AssetListQuery) {
  return useInfiniteQuery({
    queryKey: assetKeys.list(region, query),
    queryFn: ({ pageParam, signal }) => listAssets(region, query, { cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A refresh refetches every loaded page in turn: after a few "load more"s it stops polling
    // (Refresh still works) rather than send dozens of requests every interval.
    refetchInterval: (live) => ((live.state.data?.pages.length ?? 0) > LIVE_PAGES ? false : ASSETS_REFETCH_MS),
    // A new filter keeps the previous rows visible (dimmed) instead of a skeleton — never another region's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === region ? keepPreviousData(previous) : undefined,
  });
}

/** The number of rows the filter matches, a request of its own: the rows never wait for it. */
export function useAssetTotal(region: Region, query: AssetListQuery) {
  return useQuery({
    queryKey: assetKeys.total(region, query),
    queryFn: ({ signal }) => countAssets(region, query, signal),
    refetchInterval: ASSETS_REFETCH_MS,
  });
}

export function useGroups(region: Region) {
  return useQuery({ queryKey: assetKeys.groups(region), queryFn: ({ signal }) => listGroups(region, signal), staleTime: 60_000 });
}

export function useTags(region: Region) {
  return useQuery({ queryKey: assetKeys.tags(region), queryFn: ({ signal }) => listTags(region, signal), staleTime: 60_000 });
}
