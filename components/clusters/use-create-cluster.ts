"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createCluster } from "./cluster-api";
import { clusterKeys } from "./query-keys";

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCluster,
    onSuccess: (cluster) => queryClient.invalidateQueries({ queryKey: clusterKeys.lists(cluster.region) }),
  });
}
