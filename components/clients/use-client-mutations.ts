// Connect, disconnect and the pacer's jobs. Each success or refusal refreshes what it changes:
// the cluster's clients, usage, window and jobs, the inventory's cluster column, the cluster list's counts.
"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { assetKeys } from "@/components/assets/query-keys";
import { clusterKeys } from "@/components/clusters/query-keys";
import { cancelConnectJob, connectClients, createConnectJob, disconnectClients } from "./client-api";
import { clientKeys } from "./query-keys";

/**
 * Every cluster's client data, not only this one's: a move (R15) empties the source cluster too.
 * Not awaited: the outcome shows at once and the lists catch up in the background.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [clientKeys.all, assetKeys.all, clusterKeys.all]) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useConnectClients(clusterId: string) {
  const refresh = useRefresh();
  // A refusal (interval, capacity) also means the window or usage on screen was out of date.
  return useMutation({ mutationFn: (assetIds: string[]) => connectClients(clusterId, assetIds), onSettled: refresh });
}

export function useDisconnectClients(clusterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (which: { assetIds: string[] } | { all: true }) => disconnectClients(clusterId, which),
    onSettled: refresh,
  });
}

export function useCreateConnectJob(clusterId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (assetIds: string[]) => createConnectJob(clusterId, assetIds), onSettled: refresh });
}

export function useCancelConnectJob(clusterId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (jobId: string) => cancelConnectJob(clusterId, jobId), onSettled: refresh });
}
