"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Region } from "@/lib/clusters/schemas";
import { deleteCluster } from "./cluster-api";
import { clusterKeys } from "./query-keys";

export function useDeleteCluster(region: Region) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: clusterKeys.lists(region) });
  return useMutation({
    mutationFn: deleteCluster,
    onSuccess: refresh,
    // A refusal (CLUSTER_NOT_EMPTY) or a 404 means the list shows stale counts or rows.
    onError: refresh,
  });
}
