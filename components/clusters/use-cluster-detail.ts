// One cluster as its pages show it (name, address kind, region, status, capacity): one cache
// entry for every page of the cluster, refreshed by the mutations that change it.
"use client";
import { useQuery } from "@tanstack/react-query";
import { getCluster } from "./cluster-api";
import { clusterKeys } from "./query-keys";

export function useClusterDetail(clusterId: string, options: { refetchInterval?: number | false; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: clusterKeys.detail(clusterId),
    queryFn: ({ signal }) => getCluster(clusterId, signal),
    ...options,
  });
}
