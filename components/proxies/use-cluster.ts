"use client";
import { useQuery } from "@tanstack/react-query";
import { getCluster } from "./proxy-api";
import { proxyKeys } from "./query-keys";

/** The cluster a proxy page belongs to: name, address kind (R4) and region (R1). */
export function useCluster(clusterId: string) {
  return useQuery({
    queryKey: proxyKeys.cluster(clusterId),
    queryFn: ({ signal }) => getCluster(clusterId, signal),
  });
}
