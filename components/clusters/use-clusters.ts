"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Region } from "@/lib/clusters/schemas";
import { listClusters } from "./cluster-api";
import { clusterKeys } from "./query-keys";

/** Statuses come from proxy heartbeats (R6, R7), so the list polls to stay live. */
export const CLUSTERS_REFETCH_MS = 10_000;

export function useClusters(region: Region, q: string) {
  return useQuery({
    queryKey: clusterKeys.list(region, q),
    queryFn: ({ signal }) => listClusters(region, q, signal),
    refetchInterval: CLUSTERS_REFETCH_MS,
    // While a new search loads, keep showing the previous rows instead of a skeleton — but
    // never another region's rows under this region's name (R1).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === region ? keepPreviousData(previous) : undefined,
  });
}
