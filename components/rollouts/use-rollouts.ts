"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/errors/use-error-text";
import { proxyKeys } from "@/components/proxies/query-keys";
import { ApiError } from "@/lib/api-client/api-error";
import { actOnRollout, listRollouts, previewRollout, startRollout, type RolloutAction } from "./rollout-api";

export const rolloutKeys = {
  list: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "rollouts"] as const,
  preview: (clusterId: string) => [...proxyKeys.all, "cluster", clusterId, "rollout-preview"] as const,
};

/** The cluster's latest rolling upgrade, polled while one is under way (its steps change with heartbeats). */
export function useLatestRollout(clusterId: string) {
  return useQuery({
    queryKey: rolloutKeys.list(clusterId),
    queryFn: ({ signal }) => listRollouts(clusterId, signal),
    select: (list) => list.items[0] ?? null,
    refetchInterval: (query) => {
      const latest = query.state.data?.items[0];
      return latest && (latest.status === "running" || latest.status === "paused") ? 2_000 : 15_000;
    },
  });
}

/** What "Upgrade all" would do now; read when the dialog opens, never cached across openings. */
export function useRolloutPreview(clusterId: string, enabled: boolean) {
  return useQuery({
    queryKey: rolloutKeys.preview(clusterId),
    queryFn: ({ signal }) => previewRollout(clusterId, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useRolloutMutations(clusterId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: rolloutKeys.list(clusterId) }),
      queryClient.invalidateQueries({ queryKey: proxyKeys.list(clusterId) }),
    ]);
  const options = { onSuccess: refresh, onError: refresh };
  return {
    start: useMutation({ mutationFn: (batchSize: number) => startRollout(clusterId, batchSize), ...options }),
    act: useMutation({
      mutationFn: ({ rolloutId, action }: { rolloutId: string; action: RolloutAction }) =>
        actOnRollout(clusterId, rolloutId, action),
      ...options,
    }),
  };
}

const CODES = ["ROLLOUT_ACTIVE", "BELOW_MINIMUM", "ALREADY_LATEST", "ROLLOUT_STATE"] as const;

/** Refusals of the rollout rules in the user's language; other errors as everywhere. */
export function useRolloutErrorText() {
  const t = useTranslations("rollouts.errors");
  const fallback = useErrorText();
  return (error: unknown): string =>
    error instanceof ApiError && (CODES as readonly string[]).includes(error.code)
      ? t(error.code as (typeof CODES)[number])
      : fallback(error);
}
