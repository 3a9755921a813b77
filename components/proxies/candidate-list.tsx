// The servers a quick deploy picks from: the region's hosts in the shared asset table, searched on
// the server (hostname or IP) with keyset "load more", so a region of 20,000 servers stays fast.
// Eligible rows have a checkbox; the others are greyed with why (R5, one cluster per proxy).
"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { AssetDto } from "@/components/assets/asset-api";
import { useAssetColumns, type AssetColumnKey } from "@/components/assets/asset-columns";
import type { AssetListQuery } from "@/components/assets/asset-filter-params";
import { AssetSearch } from "@/components/assets/asset-search";
import { ListEmpty } from "@/components/assets/list-empty";
import { useAssetTotal, useAssets } from "@/components/assets/use-assets";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { DataTable } from "@/components/ui/data-table/data-table";
import type { RowSelection } from "@/components/ui/data-table/use-row-selection";
import type { Region } from "@/lib/clusters/schemas";
import { ineligibility } from "./eligibility";

const COLUMNS: AssetColumnKey[] = ["hostname", "agentStatus", "os"];
const rowId = (asset: AssetDto) => asset.id;

type Props = {
  region: Region;
  caption: string;
  clusterId: string;
  selection: RowSelection<AssetDto>;
  /** How many servers one deploy takes: an IP-address cluster takes one (R4). */
  max: number;
};

export function CandidateList({ region, caption, clusterId, selection, max }: Props) {
  const t = useTranslations("deployProxy");
  const tAsset = useTranslations("proxies.asset");
  const format = useFormatter();
  const [q, setQ] = useState("");
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const query: AssetListQuery = {
    q,
    // Containers are listed with why they cannot be proxies (issue 13 point 20), unless only eligible servers are shown.
    ...(eligibleOnly ? { type: "host" as const, os: "linux" as const, agentStatus: "online" as const } : {}),
    sort: "hostname",
    order: "asc",
  };
  const assets = useAssets(region, query);
  const total = useAssetTotal(region, query);
  const base = useAssetColumns(COLUMNS);
  const columns = useMemo<ColumnDef<AssetDto>[]>(
    () => [
      base[0]!,
      {
        id: "eligibility",
        header: t("columns.eligibility"),
        meta: { className: "min-w-64" },
        cell: ({ row }) => {
          const why = ineligibility(row.original, clusterId);
          return why ? (
            <span className="text-xs text-slate-600">{t(`ineligible.${why}`)}</span>
          ) : (
            <span className="text-xs text-green-800">{t("eligible")}</span>
          );
        },
      },
      ...base.slice(1),
      {
        id: "hardware",
        header: t("columns.hardware"),
        meta: { className: "min-w-32 whitespace-nowrap text-xs" },
        cell: ({ row: { original: a } }) =>
          a.cpuCores && a.memoryMb
            ? tAsset("cpuMemory", { cores: a.cpuCores, memory: format.number(a.memoryMb / 1024, { maximumFractionDigits: 1 }) })
            : tAsset("unknown"),
      },
    ],
    [base, clusterId, t, tAsset, format],
  );
  const rows = useMemo(() => assets.data?.pages.flatMap((p) => p.items), [assets.data]);
  const eligible = (asset: AssetDto) => ineligibility(asset, clusterId) === null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-4">
        <AssetSearch q={q} onSearch={setQ} />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={eligibleOnly}
            onChange={(e) => setEligibleOnly(e.target.checked)}
          />
          {t("eligibleOnly")}
        </label>
      </div>
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        minWidth="48rem"
        maxHeight="max-h-[28rem]"
        stale={assets.isPlaceholderData}
        selection={{
          selectedIds: selection.ids,
          // The selected stay selectable (to clear them); others only while there is room (R4).
          isSelectable: (asset) => eligible(asset) && (selection.ids.has(asset.id) || selection.size < max),
          rowLabel: (asset) => t("select", { name: asset.hostname }),
          onChange: ({ add, remove }) => selection.change({ add: add.slice(0, Math.max(0, max - selection.size)), remove }),
        }}
        error={
          assets.isError && !rows ? (
            <ApiErrorAlert error={assets.error} title={t("loadError")} onRetry={() => void assets.refetch()} />
          ) : undefined
        }
        empty={
          <ListEmpty
            filtered={q !== "" || eligibleOnly}
            title={q ? t("noMatch", { q }) : t("noServers")}
            body={q || eligibleOnly ? t("noMatchBody") : t("noServersBody")}
          />
        }
        pagination={{
          hasMore: Boolean(assets.hasNextPage),
          loadingMore: assets.isFetchingNextPage,
          onLoadMore: () => void assets.fetchNextPage(),
          total: total.data,
        }}
      />
    </div>
  );
}
