// The cluster list's search, status filter and sort, as URL parameters (issue 13 item 11). The
// region's clusters come in one response (no pages), so they are filtered and sorted here.
import type { ClusterDto } from "./cluster-api";

export const STATUS_FILTERS = ["online", "degraded", "offline", "noProxies"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const CLUSTER_SORTS = ["name", "createdAt", "clients", "status"] as const;
export type ClusterSort = (typeof CLUSTER_SORTS)[number];

export type ClusterListView = { q: string; status?: StatusFilter; sort: ClusterSort; order: "asc" | "desc" };
export type ClusterViewPatch = Partial<ClusterListView>;

/** The API's order, newest first, is the default. */
const DEFAULT = { sort: "createdAt", order: "desc" } as const;

const oneOf = <T extends string>(values: readonly T[], raw: string | null) =>
  values.includes(raw as T) ? (raw as T) : undefined;

export function readClusterView(params: URLSearchParams): ClusterListView {
  return {
    q: params.get("q")?.trim() ?? "",
    status: oneOf(STATUS_FILTERS, params.get("status")),
    sort: oneOf(CLUSTER_SORTS, params.get("sort")) ?? DEFAULT.sort,
    order: oneOf(["asc", "desc"], params.get("order")) ?? DEFAULT.order,
  };
}

export function mergeClusterView(search: string, patch: ClusterViewPatch): string {
  const params = new URLSearchParams(search);
  const view = { ...readClusterView(params), ...patch };
  for (const key of ["q", "status", "sort", "order"]) params.delete(key);
  if (view.q) params.set("q", view.q);
  if (view.status) params.set("status", view.status);
  if (view.sort !== DEFAULT.sort || view.order !== DEFAULT.order) {
    params.set("sort", view.sort);
    params.set("order", view.order);
  }
  return params.toString();
}

/** A cluster's place in the status filter: a cluster without proxies is offline, but says why. */
export function statusOf(cluster: ClusterDto): StatusFilter {
  return cluster.proxyCount === 0 ? "noProxies" : cluster.status;
}

const STATUS_RANK: Record<StatusFilter, number> = { online: 0, degraded: 1, offline: 2, noProxies: 3 };

const COMPARE: Record<ClusterSort, (a: ClusterDto, b: ClusterDto) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  createdAt: (a, b) => a.createdAt.localeCompare(b.createdAt),
  clients: (a, b) => a.clientCount - b.clientCount,
  status: (a, b) => STATUS_RANK[statusOf(a)] - STATUS_RANK[statusOf(b)],
};

export function viewClusters(clusters: readonly ClusterDto[], view: ClusterListView): ClusterDto[] {
  const direction = view.order === "asc" ? 1 : -1;
  return clusters
    .filter((c) => !view.status || statusOf(c) === view.status)
    .toSorted((a, b) => direction * COMPARE[view.sort](a, b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
