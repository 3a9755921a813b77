// The asset filters as URL search parameters, read with the API's own schema field by field: a
// hand-edited or stale value is dropped instead of turning the whole list into a 400.
import { assetFilterSchema, listAssetsQuerySchema, pageSchema } from "@/lib/assets/schemas";

export const ASSET_TYPES = ["host", "container"] as const;
export const OS_FAMILIES = ["linux", "windows"] as const;
export const PROVIDERS = ["alibaba", "aws", "azure", "gcp", "tencent", "huawei", "idc", "other"] as const;
export const AGENT_STATUSES = ["online", "offline", "not_installed"] as const;
export const CONNECTED = ["yes", "no"] as const;

export type AssetListQuery = {
  q: string;
  type?: (typeof ASSET_TYPES)[number];
  os?: (typeof OS_FAMILIES)[number];
  provider?: (typeof PROVIDERS)[number];
  group?: string;
  tag?: string;
  agentStatus?: (typeof AGENT_STATUSES)[number];
  connected?: (typeof CONNECTED)[number];
  sort: "hostname" | "connectedAt";
  order: "asc" | "desc";
};

export type FilterKey = "type" | "os" | "provider" | "group" | "tag" | "agentStatus" | "connected";
export const FILTER_KEYS: readonly FilterKey[] = ["type", "os", "provider", "group", "tag", "agentStatus", "connected"];

type Reader = { get(name: string): string | null };

function field<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, raw: string | null) {
  if (raw === null || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** One value of a list filter: the UI filters by one type, OS or provider at a time. */
function single<T extends string>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

export function readAssetQuery(params: Reader): AssetListQuery {
  const s = assetFilterSchema.shape;
  return {
    q: field(s.q.unwrap(), params.get("q")) ?? "",
    type: single(field(s.type.unwrap(), params.get("type"))),
    os: single(field(s.os.unwrap(), params.get("os"))),
    provider: single(field(s.provider.unwrap(), params.get("provider"))),
    group: field(s.group.unwrap(), params.get("group")),
    tag: field(s.tag.unwrap(), params.get("tag")),
    agentStatus: field(s.agentStatus.unwrap(), params.get("agentStatus")),
    connected: field(listAssetsQuerySchema.shape.connected.unwrap(), params.get("connected")),
    sort: field(pageSchema.shape.sort.unwrap(), params.get("sort")) ?? "hostname",
    order: field(pageSchema.shape.order.unwrap(), params.get("order")) ?? "asc",
  };
}

/** The non-default parts of a query, for the API and for the page URL. */
export function filterParams(query: AssetListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== "hostname") params.set("sort", query.sort);
  if (query.order !== "asc") params.set("order", query.order);
  return params;
}

/** Every URL parameter the asset query owns; others on the page's URL are kept. */
const QUERY_PARAMS = ["q", ...FILTER_KEYS, "sort", "order"] as const;

/**
 * Applies one change to the query held by a URL's search string and returns the new search
 * string. useSearchState calls it against the newest state, never a snapshot of the last render,
 * so a debounced search and two quick filter picks all land (issue 13 item 8).
 */
export function mergeAssetQuery(search: string, patch: Partial<AssetListQuery>): string {
  const params = new URLSearchParams(search);
  const merged = filterParams({ ...readAssetQuery(params), ...patch });
  for (const key of QUERY_PARAMS) params.delete(key);
  for (const [key, value] of merged) params.set(key, value);
  return params.toString();
}

export function activeFilterCount(query: AssetListQuery): number {
  return FILTER_KEYS.filter((key) => query[key]).length + (query.q ? 1 : 0);
}
