// Browser calls of the install-command API (R19) and the lists its create dialog offers.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { listGroups } from "@/lib/assets/groups-and-tags";
import type { Region } from "@/lib/clusters/schemas";
import type { listInstallCommands } from "@/lib/install-commands/list-install-commands";
import type { CreateInstallCommandInput } from "@/lib/install-commands/schemas";

type ListedCommand = Awaited<ReturnType<typeof listInstallCommands>>["items"][number];
/** R19: an expired or revoked command registers nothing. */
export type InstallCommandStatus = "active" | "expired" | "revoked";
export type InstallCommandDto = Omit<ListedCommand, "status"> & { status: InstallCommandStatus };
export type GroupDto = Awaited<ReturnType<typeof listGroups>>["items"][number];
/**
 * The answer of a create (and, later, of a reveal). `reach` is the base URL the server must be
 * able to reach: the cluster's proxies, or the console.
 */
export type CreatedInstallCommand = { id: string; token: string; command: string; expiresAt: string; reach: string };

export type InstallCommandFilter = { region: Region; status: InstallCommandStatus | null; clusterId: string | null };

export async function listInstallCommandsOf(filter: InstallCommandFilter, signal?: AbortSignal): Promise<InstallCommandDto[]> {
  const params = new URLSearchParams({ region: filter.region });
  if (filter.status) params.set("status", filter.status);
  if (filter.clusterId) params.set("clusterId", filter.clusterId);
  const { items } = await fetchJson<{ items: InstallCommandDto[] }>(`/api/v1/install-commands?${params}`, { signal });
  return items;
}

export function createInstallCommand(input: CreateInstallCommandInput): Promise<CreatedInstallCommand> {
  return fetchJson<CreatedInstallCommand>("/api/v1/install-commands", { method: "POST", body: input });
}

/** The command again (issue 13 point 13): operators only, audited, while the command is active. */
export type RevealedInstallCommand = { id: string; command: string; reach: string; expiresAt: string };

export function revealInstallCommand(id: string): Promise<RevealedInstallCommand> {
  return fetchJson<RevealedInstallCommand>(`/api/v1/install-commands/${encodeURIComponent(id)}/reveal`, { method: "POST" });
}

export function revokeInstallCommand(id: string): Promise<InstallCommandDto> {
  return fetchJson<InstallCommandDto>(`/api/v1/install-commands/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function listRegionGroups(region: Region, signal?: AbortSignal): Promise<GroupDto[]> {
  const { items } = await fetchJson<{ items: GroupDto[] }>(`/api/v1/groups?region=${region}`, { signal });
  return items;
}
