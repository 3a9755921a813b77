// The asset inventory of a region (issue #5 item 7): hosts and containers with their agent
// status and the cluster each one reports through, in the same table as a cluster's clients.
"use client";
import { clsx } from "clsx";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useClusters } from "@/components/clusters/use-clusters";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import type { Region } from "@/lib/clusters/schemas";
import type { AssetDto } from "./asset-api";
import { activeFilterCount } from "./asset-filter-params";
import { AssetFilters } from "./asset-filters";
import { useAssetColumns, type AssetColumnKey } from "./asset-columns";
import { ConnectionCell } from "./connection-cell";
import { ListEmpty } from "./list-empty";
import { useAssetQuery } from "./use-asset-query";
import { useAssetTotal, useAssets } from "./use-assets";

const COLUMNS: AssetColumnKey[] = ["hostname", "os", "provider", "group", "tags", "agentStatus"];
const rowId = (asset: AssetDto) => asset.id;

export function AssetsPage({ region }: { region: Region }) {
  const t = useTranslations();
  const [query, setQuery] = useAssetQuery();
  const assets = useAssets(region, query);
  const total = useAssetTotal(region, query);
  const clusters = useClusters(region, "");
  const base = useAssetColumns(COLUMNS);
  const columns = useMemo(() => {
    const names = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
    return [
      ...base,
      {
        id: "connection",
        header: t("assets.columns.connection"),
        meta: { className: "min-w-44" },
        cell: ({ row }: { row: { original: AssetDto } }) => (
          <ConnectionCell region={region} asset={row.original} clusterName={(id) => names.get(id)} />
        ),
      },
    ];
  }, [base, clusters.data, region, t]);
  const rows = useMemo(() => assets.data?.pages.flatMap((p) => p.items), [assets.data]);
  const filtered = activeFilterCount(query) > 0;
  const refetch = () => void assets.refetch();

  return (
    <>
      <PageHeader title={t("assets.title")} subtitle={t("assets.subtitle")} />
      <AssetFilters region={region} query={query} onChange={setQuery} withConnected />
      <div className="mb-2 flex items-center">
        <Button size="sm" variant="ghost" className="ml-auto" onClick={refetch}>
          <RefreshCw aria-hidden className={clsx("size-3.5", assets.isFetching && "animate-spin")} />
          {t("common.refresh")}
        </Button>
      </div>
      {assets.isError && rows ? (
        <div className="mb-2">
          <Alert tone="warning">{t("assets.staleWarning")}</Alert>
        </div>
      ) : null}
      <DataTable
        caption={t("assets.tableCaption", { region: t(`shell.regions.${region}`) })}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        minWidth="64rem"
        sort={{
          value: { id: "hostname", desc: query.order === "desc" },
          onChange: (s) => setQuery({ order: s.desc ? "desc" : "asc" }),
        }}
        stale={assets.isPlaceholderData}
        error={
          assets.isError && !rows ? (
            <ApiErrorAlert error={assets.error} title={t("assets.loadError")} onRetry={refetch} retrying={assets.isFetching} />
          ) : undefined
        }
        empty={
          <ListEmpty
            filtered={filtered}
            title={filtered ? t("assets.empty.filteredTitle") : t("assets.empty.title")}
            body={filtered ? t("assets.empty.filteredBody") : t("assets.empty.body")}
          />
        }
        pagination={{
          hasMore: assets.hasNextPage,
          loadingMore: assets.isFetchingNextPage,
          onLoadMore: () => void assets.fetchNextPage(),
          total: total.data,
        }}
      />
    </>
  );
}
