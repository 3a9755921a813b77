// The one query-key factory of the install-commands feature; mutations invalidate these exact prefixes.
import type { Region } from "@/lib/clusters/schemas";
import type { InstallCommandFilter } from "./install-command-api";

export const installCommandKeys = {
  all: ["install-commands"] as const,
  /** Every list (any filter) of one region: what a create or revoke there invalidates. */
  lists: (region: Region) => [...installCommandKeys.all, region, "list"] as const,
  list: (filter: InstallCommandFilter) =>
    [...installCommandKeys.lists(filter.region), { status: filter.status, clusterId: filter.clusterId }] as const,
  /** The region's asset groups offered as the default group; a create with a new group invalidates them. */
  groups: (region: Region) => [...installCommandKeys.all, region, "groups"] as const,
};
