// TLS to agents of one cluster (issue 17): the summary query and the settings mutation.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { updateCluster } from "@/components/clusters/cluster-api";
import { clusterKeys } from "@/components/clusters/query-keys";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { ClusterTlsDto } from "@/lib/pki/cluster-tls";

export const tlsKey = (clusterId: string) => [...clusterKeys.detail(clusterId), "tls"] as const;

export function useClusterTls(clusterId: string) {
  return useQuery({
    queryKey: tlsKey(clusterId),
    queryFn: ({ signal }) => fetchJson<ClusterTlsDto>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/tls`, { signal }),
  });
}

export function useUpdateClusterTls(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { requireTls: boolean; tlsPort: number }) => updateCluster(clusterId, patch),
    // The cluster's detail key is the prefix of its TLS key: both refresh.
    onSuccess: (cluster) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
        queryClient.invalidateQueries({ queryKey: clusterKeys.lists(cluster.region) }),
      ]),
  });
}
