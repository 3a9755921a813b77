"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clusterKeys } from "@/components/clusters/query-keys";
import type { Region } from "@/lib/clusters/schemas";
import { deleteProxy, stopProxy, upgradeProxy } from "./proxy-api";
import { proxyKeys } from "./query-keys";

/** Upgrade, stop and delete of one cluster's proxies; each refreshes that cluster's proxies and the region's cluster list. */
export function useProxyActions(region: Region, clusterId: string) {
  const queryClient = useQueryClient();
  // Also after a refusal: PROXY_ONLINE, ALREADY_LATEST or a 404 mean the row on screen is stale.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: proxyKeys.list(clusterId) }),
      queryClient.invalidateQueries({ queryKey: clusterKeys.lists(region) }),
      queryClient.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
    ]);
  const options = { onSuccess: refresh, onError: refresh };
  return {
    upgrade: useMutation({ mutationFn: upgradeProxy, ...options }),
    stop: useMutation({ mutationFn: stopProxy, ...options }),
    remove: useMutation({ mutationFn: deleteProxy, ...options }),
  };
}
