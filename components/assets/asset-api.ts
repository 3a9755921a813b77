// Browser calls of the asset inventory, groups and tags (SPEC §5); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { ListTotal } from "@/lib/assets/count-matches";
import type { AssetPage } from "@/lib/assets/list-assets";
import type { Region } from "@/lib/clusters/schemas";
import { filterParams, type AssetListQuery } from "./asset-filter-params";

export type { AssetPage };
export type AssetDto = AssetPage["items"][number];
export type NamedRef = { id: string; name: string };

/** One keyset page of the region's inventory under the filter. */
export function listAssets(
  region: Region,
  query: AssetListQuery,
  page: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<AssetPage> {
  const params = filterParams(query);
  params.set("region", region);
  // The inventory sorts by hostname only; the order still applies.
  params.delete("sort");
  if (page.cursor) params.set("cursor", page.cursor);
  params.set("limit", String(page.limit ?? 50));
  return fetchJson<AssetPage>(`/api/v1/assets?${params}`, { signal });
}

/** How many assets the filter matches (exact, or an estimate marked as one). */
export function countAssets(region: Region, query: AssetListQuery, signal?: AbortSignal): Promise<ListTotal> {
  const params = filterParams(query);
  params.set("region", region);
  params.delete("sort");
  return fetchJson<ListTotal>(`/api/v1/assets/count?${params}`, { signal });
}

export async function listGroups(region: Region, signal?: AbortSignal): Promise<NamedRef[]> {
  return (await fetchJson<{ items: NamedRef[] }>(`/api/v1/groups?region=${region}`, { signal })).items;
}

export async function listTags(region: Region, signal?: AbortSignal): Promise<NamedRef[]> {
  return (await fetchJson<{ items: NamedRef[] }>(`/api/v1/tags?region=${region}`, { signal })).items;
}
