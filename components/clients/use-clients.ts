"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { AssetListQuery } from "@/components/assets/asset-filter-params";
import { LIVE_PAGES } from "@/components/assets/use-assets";
import { countClients, listClients } from "./client-api";
import { clientKeys } from "./query-keys";

/** Agent statuses change with heartbeats (R7); the list refreshes while on screen. */
export const CLIENTS_REFETCH_MS = 30_000;

/** One cluster's clients, one keyset page per "load more": a deep page costs what the first does. */
export function useClients(clusterId: string, query: AssetListQuery) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(clusterId, query),
    queryFn: ({ pageParam, signal }) => listClients(clusterId, query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A refresh refetches every loaded page in turn: after a few "load more"s it stops polling
    // (Refresh still works) rather than send dozens of requests every interval.
    refetchInterval: (live) => ((live.state.data?.pages.length ?? 0) > LIVE_PAGES ? false : CLIENTS_REFETCH_MS),
    // A new filter keeps the previous rows visible (dimmed) — never another cluster's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === clusterId ? keepPreviousData(previous) : undefined,
  });
}

/** How many clients the filter matches, a request of its own: the rows never wait for it. */
export function useClientTotal(clusterId: string, query: AssetListQuery) {
  return useQuery({
    queryKey: clientKeys.total(clusterId, query),
    queryFn: ({ signal }) => countClients(clusterId, query, signal),
    refetchInterval: CLIENTS_REFETCH_MS,
  });
}
