"use client";
import { useQuery } from "@tanstack/react-query";
import { listClusterProxies } from "./proxy-api";
import { proxyKeys } from "./query-keys";

/** Statuses come from heartbeats (R7); polling keeps deploying → online → offline live on screen. */
export const PROXIES_REFETCH_MS = 3_000;

export function useProxies(clusterId: string) {
  return useQuery({
    queryKey: proxyKeys.list(clusterId),
    queryFn: ({ signal }) => listClusterProxies(clusterId, signal),
    refetchInterval: PROXIES_REFETCH_MS,
  });
}
