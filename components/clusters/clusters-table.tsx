// Screen 1 of SPEC §4: one row per cluster of the region.
"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CapacityMeter } from "@/components/planning/capacity-meter";
import { SortButton } from "@/components/ui/data-table/table-controls";
import { TableFrame, keyedColumns } from "@/components/ui/table";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { Region } from "@/lib/clusters/schemas";
import { AddressKindBadge, ClusterStatusBadge, useClusterProxiesText } from "./cluster-badges";
import type { ClusterDto } from "./cluster-api";
import type { ClusterListView, ClusterSort } from "./cluster-list-view";
import { ClusterRowActions } from "./cluster-row-actions";

type Props = {
  region: Region;
  clusters: ClusterDto[];
  sort: TableSort;
  onEdit: (cluster: ClusterDto) => void;
  onDelete: (cluster: ClusterDto) => void;
};

/** The column the list is sorted by, and how to sort by another (issue 13 item 11). */
export type TableSort = {
  value: Pick<ClusterListView, "sort" | "order">;
  onChange: (sort: ClusterSort, order: "asc" | "desc") => void;
};

/** The description is shown under the name: the row actions need the room. */
export const COLUMN_KEYS = ["name", "address", "clients", "status", "policy", "createdAt", "actions"] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const SORTABLE: Partial<Record<ColumnKey, ClusterSort>> = {
  name: "name",
  clients: "clients",
  status: "status",
  createdAt: "createdAt",
};
/** A first click on these sorts the largest or newest first. */
const DESC_FIRST: readonly ClusterSort[] = ["clients", "createdAt"];

/** Minimum widths keep the table readable; below them it scrolls. */
const COLUMN_CLASS: Record<ColumnKey, string> = {
  name: "min-w-44",
  address: "min-w-40",
  clients: "min-w-28",
  status: "min-w-40",
  policy: "",
  createdAt: "",
  actions: "w-[19rem]",
};

export function ClustersTable({ region, clusters, sort, onEdit, onDelete }: Props) {
  const t = useTranslations("clusters");
  const tProxies = useTranslations("proxies");
  const proxiesText = useClusterProxiesText();
  const format = useFormatter();
  return (
    <ClustersTableFrame caption={t("tableCaption", { region: useRegionName(region) })} sort={sort}>
      {clusters.map((cluster) => (
        <tr key={cluster.id} className="border-b border-slate-200 bg-white align-top hover:bg-slate-50">
          <th scope="row" className="px-3 py-2 text-left font-medium [overflow-wrap:anywhere] text-slate-900">
            <Link href={`/${region}/clusters/${cluster.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {cluster.name}
            </Link>
            {cluster.description ? (
              <span className="mt-0.5 line-clamp-2 text-xs font-normal break-words text-slate-600" title={cluster.description}>
                {cluster.description}
              </span>
            ) : null}
          </th>
          <td className="px-3 py-2">
            <span className="flex items-center gap-1.5">
              <TruncatedText text={cluster.address} className="max-w-48 font-mono text-[13px]" />
              <AddressKindBadge kind={cluster.addressKind} />
            </span>
          </td>
          <td className="px-3 py-2 text-right tabular-nums">
            <Link
              href={`/${region}/clusters/${cluster.id}/clients`}
              className="text-brand-700 underline-offset-2 hover:underline"
              aria-label={t("clientsLink", { count: cluster.clientCount, name: cluster.name })}
            >
              {format.number(cluster.clientCount)}
            </Link>
            <CapacityMeter cluster={cluster} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Link
              href={`/${region}/clusters/${cluster.id}/proxies`}
              className="block rounded underline-offset-2 hover:underline"
              aria-label={tProxies("statusLink", {
                name: cluster.name,
                status: t(`status.${cluster.status}`),
                detail: proxiesText(cluster),
              })}
            >
              <ClusterStatusBadge cluster={cluster} />
            </Link>
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{t(`policyModes.${cluster.policyMode}`)}</td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            <time
              dateTime={cluster.createdAt}
              title={format.dateTime(new Date(cluster.createdAt), { dateStyle: "long", timeStyle: "short" })}
            >
              {format.dateTime(new Date(cluster.createdAt), { dateStyle: "medium" })}
            </time>
          </td>
          <td className="px-2 py-1">
            <ClusterRowActions
              region={region}
              cluster={cluster}
              onEdit={() => onEdit(cluster)}
              onDelete={() => onDelete(cluster)}
            />
          </td>
        </tr>
      ))}
    </ClustersTableFrame>
  );
}

export function useRegionName(region: Region) {
  return useTranslations("shell.regions")(region);
}

/** Table, caption and header row, shared with the loading skeleton so columns never jump. */
export function ClustersTableFrame({
  caption,
  busy,
  sort,
  children,
}: {
  caption: string;
  busy?: boolean;
  sort?: TableSort;
  children: ReactNode;
}) {
  const t = useTranslations("clusters.columns");
  const label = (key: ColumnKey) => {
    const by = SORTABLE[key];
    if (!sort || !by) return t(key);
    const sorted = sort.value.sort === by ? sort.value.order : false;
    const next = sorted ? (sorted === "asc" ? "desc" : "asc") : DESC_FIRST.includes(by) ? "desc" : "asc";
    return <SortButton label={t(key)} sorted={sorted} onClick={() => sort.onChange(by, next)} />;
  };
  const columns = keyedColumns(COLUMN_KEYS, label, COLUMN_CLASS, ["clients"]).map((column) =>
    sort && SORTABLE[column.key as ColumnKey] === sort.value.sort
      ? { ...column, sorted: sort.value.order === "asc" ? ("ascending" as const) : ("descending" as const) }
      : column,
  );
  return (
    <TableFrame caption={caption} busy={busy} minWidth="min-w-[68rem]" columns={columns}>
      {children}
    </TableFrame>
  );
}
