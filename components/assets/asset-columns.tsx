// Column definitions of an asset row, shared by the inventory, a cluster's client list and the
// access panel's picker (SPEC §4 screens 5-6: asset info, group, OS, provider, region, tags, agent status).
"use client";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { AssetHoverCard } from "@/components/proxies/asset-hover-card";
import type { AssetDto } from "./asset-api";
import { AgentStatusBadge, TagList } from "./asset-badges";

export type AssetColumnKey = "hostname" | "os" | "provider" | "group" | "region" | "tags" | "agentStatus" | "connectedAt";

const column = createColumnHelper<AssetDto>();

export function HostCell({ asset }: { asset: AssetDto }) {
  const t = useTranslations("assetList");
  return (
    <div className="min-w-0">
      <AssetHoverCard asset={asset} client={asset} />
      <span className="block font-mono text-xs text-slate-600">{asset.ips.join(", ")}</span>
      <span className="block text-xs text-slate-500">{t(`types.${asset.type as "host" | "container"}`)}</span>
    </div>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns mix value types
export function useAssetColumns(keys: readonly AssetColumnKey[]): ColumnDef<AssetDto, any>[] {
  const t = useTranslations("assetList");
  const regions = useTranslations("shell.regions");
  const format = useFormatter();
  return useMemo(() => {
    const all = {
      hostname: column.accessor("hostname", {
        id: "hostname",
        header: t("columns.asset"),
        enableSorting: true,
        meta: { rowHeader: true, className: "min-w-48" },
        cell: ({ row }) => <HostCell asset={row.original} />,
      }),
      os: column.accessor("os", {
        header: t("columns.os"),
        meta: { className: "min-w-32" },
        cell: ({ row }) => (
          <>
            <span className="block">{t(`os.${row.original.os as "linux" | "windows"}`)}</span>
            <span className="block text-xs text-slate-600">{row.original.osVersion}</span>
          </>
        ),
      }),
      provider: column.accessor("provider", {
        header: t("columns.provider"),
        meta: { className: "min-w-28" },
        cell: ({ getValue }) => t(`providers.${getValue() as "other"}`),
      }),
      group: column.accessor((a) => a.group?.name ?? "", {
        id: "group",
        header: t("columns.group"),
        meta: { className: "min-w-24" },
        cell: ({ getValue }) => getValue() || <span className="text-slate-400">{t("none")}</span>,
      }),
      region: column.accessor("region", {
        header: t("columns.region"),
        meta: { className: "min-w-24" },
        cell: ({ getValue }) => regions(getValue() as "cn" | "intl"),
      }),
      tags: column.accessor((a) => a.tags, {
        id: "tags",
        header: t("columns.tags"),
        meta: { className: "min-w-32" },
        cell: ({ getValue }) => <TagList tags={getValue()} />,
      }),
      agentStatus: column.accessor("agentStatus", {
        header: t("columns.agentStatus"),
        meta: { className: "min-w-28" },
        cell: ({ row }) => <AgentStatusBadge asset={row.original} />,
      }),
      connectedAt: column.accessor((a) => a.cluster?.connectedAt ?? "", {
        id: "connectedAt",
        header: t("columns.connectedAt"),
        enableSorting: true,
        meta: { className: "min-w-36 whitespace-nowrap", descFirst: true },
        cell: ({ getValue }) => {
          const value = getValue();
          if (!value) return null;
          return <time dateTime={value}>{format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" })}</time>;
        },
      }),
    } satisfies Record<AssetColumnKey, unknown>;
    return keys.map((key) => all[key]);
  }, [keys, t, regions, format]);
}
