"use client";
import { useQuery } from "@tanstack/react-query";
import { getClusterTraffic } from "../proxy-api";
import { proxyKeys } from "../query-keys";

/** The rollups are per minute: a poll every 15 s shows a new minute soon after it starts. */
export const TRAFFIC_REFETCH_MS = 15_000;

export function useTraffic(clusterId: string) {
  return useQuery({
    queryKey: proxyKeys.traffic(clusterId),
    queryFn: ({ signal }) => getClusterTraffic(clusterId, signal),
    refetchInterval: TRAFFIC_REFETCH_MS,
  });
}
