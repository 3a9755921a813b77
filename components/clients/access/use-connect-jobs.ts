"use client";
import { useQuery } from "@tanstack/react-query";
import { listConnectJobs } from "../client-api";
import { clientKeys } from "../query-keys";

/** Polls quickly while a job runs (its waves land every interval), slowly otherwise. */
export function useConnectJobs(clusterId: string) {
  return useQuery({
    queryKey: clientKeys.jobs(clusterId),
    queryFn: async ({ signal }) => ({ items: await listConnectJobs(clusterId, signal), fetchedAt: Date.now() }),
    refetchInterval: (query) => (query.state.data?.items.some((j) => j.status === "running") ? 2_000 : 15_000),
  });
}
