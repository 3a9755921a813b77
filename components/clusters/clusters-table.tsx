// Screen 1 of SPEC §4: one row per cluster of the region.
"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CapacityMeter } from "@/components/planning/capacity-meter";
import { TableFrame, keyedColumns } from "@/components/ui/table";
import type { Region } from "@/lib/clusters/schemas";
import { AddressKindBadge, ClusterStatusBadge, useClusterProxiesText } from "./cluster-badges";
import type { ClusterDto } from "./cluster-api";
import { ClusterRowActions } from "./cluster-row-actions";

type Props = {
  region: Region;
  clusters: ClusterDto[];
  onEdit: (cluster: ClusterDto) => void;
  onDelete: (cluster: ClusterDto) => void;
};

export const COLUMN_KEYS = ["name", "address", "clients", "status", "description", "actions"] as const;

/** Minimum widths keep the table readable; below them it scrolls, with the actions column pinned. */
const COLUMN_CLASS: Record<(typeof COLUMN_KEYS)[number], string> = {
  name: "min-w-36",
  address: "min-w-56",
  clients: "min-w-32",
  status: "min-w-44",
  description: "min-w-48",
  actions: "sticky right-0 w-12 bg-slate-50 shadow-[-1px_0_0_var(--color-slate-200)]",
};

export function ClustersTable({ region, clusters, onEdit, onDelete }: Props) {
  const t = useTranslations("clusters");
  const tProxies = useTranslations("proxies");
  const proxiesText = useClusterProxiesText();
  const format = useFormatter();
  return (
    <ClustersTableFrame caption={t("tableCaption", { region: useRegionName(region) })}>
      {clusters.map((cluster) => (
        <tr key={cluster.id} className="border-b border-slate-200 bg-white align-top hover:bg-slate-50">
          <th scope="row" className="px-3 py-2 text-left font-medium [overflow-wrap:anywhere] text-slate-900">
            <Link href={`/${region}/clusters/${cluster.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {cluster.name}
            </Link>
          </th>
          <td className="px-3 py-2">
            <span className="flex items-center gap-1.5">
              <span className="max-w-52 truncate font-mono text-[13px]" title={cluster.address}>
                {cluster.address}
              </span>
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
          <td className="px-3 py-2">
            {cluster.description ? (
              <span className="line-clamp-2 break-words text-slate-700" title={cluster.description}>
                {cluster.description}
              </span>
            ) : (
              <span className="text-slate-500 italic">{t("noDescription")}</span>
            )}
          </td>
          <td className="sticky right-0 bg-inherit px-3 py-1.5 text-right shadow-[-1px_0_0_var(--color-slate-200)]">
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
export function ClustersTableFrame({ caption, busy, children }: { caption: string; busy?: boolean; children: ReactNode }) {
  const t = useTranslations("clusters.columns");
  return (
    <TableFrame
      caption={caption}
      busy={busy}
      minWidth="min-w-[60rem]"
      columns={keyedColumns(COLUMN_KEYS, t, COLUMN_CLASS, ["clients", "actions"])}
    >
      {children}
    </TableFrame>
  );
}
