"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateClusterDescription } from "./cluster-api";
import { clusterKeys } from "./query-keys";

export function useUpdateClusterDescription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, description }: { id: string; description: string }) => updateClusterDescription(id, description),
    onSuccess: (cluster) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterKeys.lists(cluster.region) }),
        queryClient.invalidateQueries({ queryKey: clusterKeys.detail(cluster.id) }),
      ]),
  });
}
