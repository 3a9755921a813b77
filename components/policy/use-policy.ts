"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clusterKeys } from "@/components/clusters/query-keys";
import type { Region } from "@/lib/clusters/schemas";
import type { PolicyInput } from "@/lib/policy/schemas";
import { getPolicy, putPolicy } from "./policy-api";
import { policyKeys } from "./query-keys";

export function usePolicy(clusterId: string) {
  return useQuery({ queryKey: policyKeys.detail(clusterId), queryFn: ({ signal }) => getPolicy(clusterId, signal) });
}

export function useUpdatePolicy(clusterId: string, region: Region) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PolicyInput) => putPolicy(clusterId, input),
    onSuccess: (policy) => {
      queryClient.setQueryData(policyKeys.detail(clusterId), policy);
      // The cluster list shows each cluster's policy mode.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.lists(region) }),
        queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
      ]);
    },
    // A refusal carries the server's client count: the dialog's numbers must follow it.
    onError: () => queryClient.invalidateQueries({ queryKey: policyKeys.detail(clusterId) }),
  });
}
