"use client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { listCandidates, type CandidateFilter } from "./proxy-api";
import { proxyKeys } from "./query-keys";

/** Keyset pages of the region's hosts ("load more"), searched on the server. */
export function useCandidates(filter: CandidateFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: proxyKeys.candidates(filter),
    queryFn: ({ pageParam, signal }) => listCandidates(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // A new search keeps the previous rows until its answer arrives (same region: the filter is in the key).
    placeholderData: keepPreviousData,
  });
}
