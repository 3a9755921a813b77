// Connected clients of one cluster (SPEC §4 screen 6): load (R13, R14), filters, sort, keyset
// pages, CSV export of the current filter, and disconnecting selected or all clients (R16).
"use client";
import { clsx } from "clsx";
import { Download, RefreshCw, UserPlus } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import type { AssetDto } from "@/components/assets/asset-api";
import { useAssetColumns, type AssetColumnKey } from "@/components/assets/asset-columns";
import { activeFilterCount } from "@/components/assets/asset-filter-params";
import { AssetFilters } from "@/components/assets/asset-filters";
import { ListEmpty } from "@/components/assets/list-empty";
import { useAssetQuery } from "@/components/assets/use-asset-query";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useRowSelection } from "@/components/ui/data-table/use-row-selection";
import type { Region } from "@/lib/clusters/schemas";
import { exportUrl } from "./client-api";
import { ClientsToolbar } from "./clients-toolbar";
import { ClusterFrame } from "./cluster-frame";
import { DisconnectDialog, type DisconnectTarget } from "./disconnect-dialog";
import { useClientTotal, useClients } from "./use-clients";
import { useUsage } from "./use-cluster-data";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { UsageSummary } from "./usage-summary";

// No region column: every client is in the cluster's region (R1), and the column wrapped to three lines.
const COLUMNS: AssetColumnKey[] = ["hostname", "group", "os", "provider", "tags", "agentStatus", "connectedAt"];
const rowId = (asset: AssetDto) => asset.id;

export function ClientsPage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations();
  const cluster = useClusterDetail(clusterId);
  const usage = useUsage(clusterId);
  const [query, setQuery] = useAssetQuery();
  const clients = useClients(clusterId, query);
  const total = useClientTotal(clusterId, query);
  const columns = useAssetColumns(COLUMNS);
  const selection = useRowSelection(rowId);
  const gate = useRoleGate("operator");
  const [target, setTarget] = useState<DisconnectTarget | null>(null);
  const rows = useMemo(() => clients.data?.pages.flatMap((p) => p.items), [clients.data]);
  const filtered = activeFilterCount(query) > 0;
  const clientCount = usage.data?.clients ?? cluster.data?.clientCount ?? 0;
  const refetch = () => void Promise.all([clients.refetch(), usage.refetch()]);

  const actions = (
    <>
      <Link href={`/${region}/clusters/${clusterId}/access`} className={buttonClass("secondary")}>
        <UserPlus aria-hidden className="size-4" />
        {t("clients.accessClients")}
      </Link>
      <a href={exportUrl(clusterId, query)} download className={buttonClass("secondary")}>
        <Download aria-hidden className="size-4" />
        {filtered ? t("clients.exportFiltered") : t("clients.export")}
      </a>
    </>
  );

  return (
    <ClusterFrame region={region} cluster={cluster} title={t("clients.title")} page="clients" actions={actions}>
      <RoleNotice gate={gate} />
      <UsageSummary usage={usage.data} />
      <AssetFilters region={region} query={query} onChange={setQuery} />
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <ClientsToolbar
          gate={gate}
          selected={selection.size}
          clientCount={clientCount}
          onDisconnect={() => setTarget({ kind: "selected", assetIds: [...selection.ids] })}
          onDisconnectAll={() => setTarget({ kind: "all", count: clientCount })}
          onClear={selection.clear}
        />
        <Button size="sm" variant="ghost" className="ml-auto" onClick={refetch}>
          <RefreshCw aria-hidden className={clsx("size-3.5", clients.isFetching && "animate-spin")} />
          {t("common.refresh")}
        </Button>
      </div>
      {clients.isError && rows ? (
        <div className="mb-2">
          <Alert tone="warning">{t("clients.staleWarning")}</Alert>
        </div>
      ) : null}
      <DataTable
        caption={t("clients.tableCaption", { name: cluster.data?.name ?? "" })}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        minWidth="64rem"
        sort={{
          value: { id: query.sort, desc: query.order === "desc" },
          onChange: (s) => setQuery({ sort: s.id as "hostname" | "connectedAt", order: s.desc ? "desc" : "asc" }),
        }}
        selection={{
          selectedIds: selection.ids,
          onChange: selection.change,
          rowLabel: (asset) => t("clients.selectRow", { hostname: asset.hostname }),
        }}
        stale={clients.isPlaceholderData}
        error={
          clients.isError && !rows ? (
            <ApiErrorAlert error={clients.error} title={t("clients.loadError")} onRetry={refetch} retrying={clients.isFetching} />
          ) : undefined
        }
        empty={
          <ListEmpty
            filtered={filtered}
            title={filtered ? t("clients.empty.filteredTitle") : t("clients.empty.title")}
            body={filtered ? t("clients.empty.filteredBody") : t("clients.empty.body")}
            action={
              filtered ? null : (
                <Link href={`/${region}/clusters/${clusterId}/access`} className={buttonClass("primary")}>
                  <UserPlus aria-hidden className="size-4" />
                  {t("clients.accessClients")}
                </Link>
              )
            }
          />
        }
        pagination={{
          hasMore: clients.hasNextPage,
          loadingMore: clients.isFetchingNextPage,
          onLoadMore: () => void clients.fetchNextPage(),
          total: total.data,
        }}
      />
      {cluster.data ? (
        <DisconnectDialog cluster={cluster.data} target={target} onClose={() => setTarget(null)} onDone={selection.clear} />
      ) : null}
    </ClusterFrame>
  );
}
