"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Region } from "@/lib/clusters/schemas";
import {
  createInstallCommand,
  listInstallCommandsOf,
  listRegionGroups,
  revealInstallCommand,
  revokeInstallCommand,
  type InstallCommandFilter,
} from "./install-command-api";
import { installCommandKeys } from "./query-keys";

/** Registrations arrive from servers running the commands, so the list polls to stay live. */
export const INSTALL_COMMANDS_REFETCH_MS = 10_000;

export function useInstallCommands(filter: InstallCommandFilter) {
  return useQuery({
    queryKey: installCommandKeys.list(filter),
    queryFn: ({ signal }) => listInstallCommandsOf(filter, signal),
    refetchInterval: INSTALL_COMMANDS_REFETCH_MS,
    // Keep the previous filter's rows while the next loads, never another region's (R1).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === filter.region ? keepPreviousData(previous) : undefined,
  });
}

export function useGroups(region: Region, enabled: boolean) {
  return useQuery({
    queryKey: installCommandKeys.groups(region),
    queryFn: ({ signal }) => listRegionGroups(region, signal),
    enabled,
  });
}

export function useCreateInstallCommand(region: Region) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInstallCommand,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: installCommandKeys.lists(region) }),
        queryClient.invalidateQueries({ queryKey: installCommandKeys.groups(region) }),
      ]),
  });
}

export function useRevokeInstallCommand(region: Region) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: installCommandKeys.lists(region) });
  // A 404 means the row is gone: the list must refresh either way.
  return useMutation({ mutationFn: revokeInstallCommand, onSuccess: refresh, onError: refresh });
}

/**
 * Shows a command again. A mutation, not a query: the token is never kept in the query cache, and
 * each reveal is a request the console audits. A refusal (expired, revoked) refreshes the list.
 */
export function useRevealInstallCommand(region: Region) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revealInstallCommand,
    onError: () => queryClient.invalidateQueries({ queryKey: installCommandKeys.lists(region) }),
  });
}
