"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateCluster } from "./cluster-api";
import { clusterKeys } from "./query-keys";

export function useUpdateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; description?: string; minOnlineProxies?: number }) => updateCluster(id, patch),
    onSuccess: (cluster) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.lists(cluster.region) }),
        queryClient.invalidateQueries({ queryKey: clusterKeys.detail(cluster.id) }),
      ]),
  });
}
