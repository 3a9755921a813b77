// The asset picker of the access panel (SPEC §4 screen 5): the region's inventory with search and
// filters, every row saying whether it can join and why not, select page / select all matching.
"use client";
import { ListChecks, Square } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { AssetDto } from "@/components/assets/asset-api";
import { useAssetColumns, type AssetColumnKey } from "@/components/assets/asset-columns";
import { activeFilterCount } from "@/components/assets/asset-filter-params";
import { AssetFilters } from "@/components/assets/asset-filters";
import { ListEmpty } from "@/components/assets/list-empty";
import { useAssetQuery } from "@/components/assets/use-asset-query";
import { useAssetTotal, useAssets } from "@/components/assets/use-assets";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import type { RowSelection } from "@/components/ui/data-table/use-row-selection";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { eligibility, picked, type PickedAsset } from "./eligibility";
import { EligibilityCell } from "./eligibility-cell";
import { MAX_SELECTION, useSelectAllMatching } from "./use-select-all-matching";

const COLUMNS: AssetColumnKey[] = ["hostname", "agentStatus", "os", "provider", "group", "tags"];
const rowId = (asset: AssetDto) => asset.id;

type Props = { region: Region; clusterId: string; selection: RowSelection<PickedAsset> };

export function AssetPicker({ region, clusterId, selection }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const [query, setQuery] = useAssetQuery();
  const assets = useAssets(region, query);
  const total = useAssetTotal(region, query);
  const base = useAssetColumns(COLUMNS);
  const add = (rows: PickedAsset[]) => selection.change({ add: rows });
  const all = useSelectAllMatching(region, clusterId, add, selection.size);
  // Whether a row can join sits next to its name and checkbox; the details follow.
  const columns = useMemo(
    () => [
      base[0]!,
      {
        id: "eligibility",
        header: t("clientAccess.columns.eligibility"),
        meta: { className: "min-w-52" },
        cell: ({ row }: { row: { original: AssetDto } }) => <EligibilityCell value={eligibility(row.original, clusterId)} />,
      },
      ...base.slice(1),
    ],
    [base, clusterId, t],
  );
  const rows = useMemo(() => assets.data?.pages.flatMap((p) => p.items), [assets.data]);
  const filtered = activeFilterCount(query) > 0;
  // The outcome of "select all" describes the selection: once that is cleared (or connected), it goes.
  const progress = all.progress?.running || selection.size > 0 ? all.progress : null;
  const refetch = () => void assets.refetch();

  return (
    <section aria-labelledby="picker-title">
      <h2 id="picker-title" className="mb-2 text-base font-semibold text-slate-900">
        {t("clientAccess.picker.title")}
      </h2>
      <AssetFilters region={region} query={query} onChange={setQuery} withConnected />
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => void all.run(query)} disabled={progress?.running}>
          <ListChecks aria-hidden className="size-3.5" />
          {filtered ? t("clientAccess.picker.selectAllMatching") : t("clientAccess.picker.selectAll")}
        </Button>
        {progress?.running ? (
          <>
            <p className="flex items-center gap-1.5 text-xs text-slate-700" role="status">
              <Spinner className="size-3.5" />
              {t("clientAccess.picker.selecting", {
                checked: format.number(progress.checked),
                added: format.number(progress.added),
              })}
            </p>
            <Button size="sm" variant="ghost" onClick={all.stop}>
              <Square aria-hidden className="size-3.5" />
              {t("clientAccess.picker.stop")}
            </Button>
          </>
        ) : progress ? (
          <p className="text-xs text-slate-700" role="status">
            {t(progress.stopped ? "clientAccess.picker.stopped" : "clientAccess.picker.selectedAll", {
              added: format.number(progress.added),
              skipped: format.number(progress.skipped),
            })}
            {progress.capped ? ` ${t("clientAccess.picker.capped", { max: format.number(MAX_SELECTION) })}` : null}
          </p>
        ) : (
          <p className="text-xs text-slate-600">{t("clientAccess.picker.hint")}</p>
        )}
      </div>
      {progress?.error ? (
        <div className="mb-2">
          <ApiErrorAlert error={progress.error} title={t("clientAccess.picker.selectAllError")} />
        </div>
      ) : null}
      {assets.isError && rows ? (
        <div className="mb-2">
          <Alert tone="warning">{t("clientAccess.picker.staleWarning")}</Alert>
        </div>
      ) : null}
      <DataTable
        caption={t("clientAccess.picker.caption", { region: t(`shell.regions.${region}`) })}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        minWidth="64rem"
        sort={{
          value: { id: "hostname", desc: query.order === "desc" },
          onChange: (s) => setQuery({ order: s.desc ? "desc" : "asc" }),
        }}
        selection={{
          selectedIds: selection.ids,
          onChange: ({ add: rowsAdded, remove }) => selection.change({ add: rowsAdded.map(picked), remove }),
          isSelectable: (asset) => eligibility(asset, clusterId).selectable,
          rowLabel: (asset) => t("clientAccess.picker.selectRow", { hostname: asset.hostname }),
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
            body={filtered ? t("assets.empty.filteredBody") : t("clientAccess.picker.emptyBody")}
          />
        }
        pagination={{
          hasMore: assets.hasNextPage,
          loadingMore: assets.isFetchingNextPage,
          onLoadMore: () => void assets.fetchNextPage(),
          total: total.data,
        }}
      />
    </section>
  );
}
