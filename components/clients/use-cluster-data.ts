// The live numbers of one cluster the client pages show: capacity and
// bandwidth (R13, R14), and the R12 batch window behind the countdown.
"use client";
import { useQuery } from "@tanstack/react-query";
import { getBatchWindow, getUsage } from "./client-api";
import { clientKeys } from "./query-keys";

/** Proxies come and go with their heartbeats, and with them the capacity. */
export const USAGE_REFETCH_MS = 10_000;

export function useUsage(clusterId: string) {
  return useQuery({
    queryKey: clientKeys.usage(clusterId),
    queryFn: ({ signal }) => getUsage(clusterId, signal),
    refetchInterval: USAGE_REFETCH_MS,
  });
}

/**
 * The window as seconds from when the answer arrived: the countdown runs on the browser clock
 * from the server's own "retry after", so a skewed browser clock cannot shift it.
 */
export function useBatchWindow(clusterId: string) {
  return useQuery({
    queryKey: clientKeys.window(clusterId),
    queryFn: async ({ signal }) => {
      const window = await getBatchWindow(clusterId, signal);
      return { ...window, allowedAt: Date.now() + window.retryAfterSeconds * 1000 };
    },
    // Install-command registrations open windows too (R12): look again now and then.
    refetchInterval: 15_000,
    staleTime: 0,
  });
}
