"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { assetKeys } from "@/components/assets/query-keys";
import { clusterKeys } from "@/components/clusters/query-keys";
import type { Region } from "@/lib/clusters/schemas";
import { deployManual, deployQuick } from "./proxy-api";
import { proxyKeys } from "./query-keys";

export function useQuickDeploy(region: Region, clusterId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: proxyKeys.list(clusterId) }),
      // The deployed servers are proxies now (proxyOf), in the picker and the inventory.
      queryClient.invalidateQueries({ queryKey: assetKeys.lists(region) }),
      queryClient.invalidateQueries({ queryKey: clusterKeys.lists(region) }),
      queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
    ]);
  return useMutation({
    mutationFn: (assetIds: string[]) => deployQuick(clusterId, assetIds),
    onSuccess: refresh,
    onError: refresh,
  });
}

/** A manual deploy command creates no proxy yet: the proxy appears when it registers. */
export function useManualDeploy(clusterId: string) {
  return useMutation({ mutationFn: (expiresInHours: number) => deployManual(clusterId, expiresInHours) });
}
