// The proxy clusters page of one region: toolbar, list states, and the create/edit/delete dialogs.
"use client";
import { Plus, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { clsx } from "clsx";
import { GatedButton, RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useSearchState } from "@/components/ui/use-search-state";
import { FilterSelect } from "@/components/assets/filter-select";
import type { Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "./cluster-api";
import { mergeClusterView, readClusterView, STATUS_FILTERS, viewClusters, type StatusFilter } from "./cluster-list-view";
import { ClusterSearch } from "./cluster-search";
import { ClustersEmpty } from "./clusters-empty";
import { ClustersSkeleton } from "./clusters-skeleton";
import { ClustersTable } from "./clusters-table";
import { CreateClusterDialog } from "./create-cluster-dialog";
import { DeleteClusterDialog } from "./delete-cluster-dialog";
import { EditClusterDialog } from "./edit-cluster-dialog";
import { useClusters } from "./use-clusters";

export function ClustersPage({ region }: { region: Region }) {
  const t = useTranslations();
  const router = useRouter();
  const [view, setView] = useSearchState(readClusterView, mergeClusterView);
  const q = view.q;
  const clusters = useClusters(region, q);
  const shown = useMemo(() => (clusters.data ? viewClusters(clusters.data, view) : undefined), [clusters.data, view]);
  const operator = useRoleGate("operator");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ClusterDto | null>(null);
  const [deleting, setDeleting] = useState<ClusterDto | null>(null);
  const refetch = () => void clusters.refetch();
  // The edit and delete dialogs hand focus back to the row's Edit button.
  const lastRow = useRef<string | null>(null);
  const rowActions = () => document.querySelector<HTMLElement>(`[data-actions-for="${lastRow.current}"]`);
  const edit = (cluster: ClusterDto) => {
    lastRow.current = cluster.id;
    setEditing(cluster);
  };
  // A cluster with proxies or clients goes to the guided deletion (screen 9); an empty one is confirmed here.
  const remove = (cluster: ClusterDto) => {
    if (cluster.proxyCount > 0 || cluster.clientCount > 0) return router.push(`/${region}/clusters/${cluster.id}/delete`);
    lastRow.current = cluster.id;
    setDeleting(cluster);
  };

  return (
    <>
      <PageHeader
        title={t("clusters.title")}
        subtitle={t("clusters.subtitle")}
        actions={
          <GatedButton gate={operator} variant="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" />
            {t("clusters.create")}
          </GatedButton>
        }
      />
      <RoleNotice gate={operator} />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <ClusterSearch q={q} onSearch={(next) => setView({ q: next })} />
        <FilterSelect
          label={t("clusters.statusFilter.label")}
          allLabel={t("clusters.statusFilter.all")}
          value={view.status}
          options={STATUS_FILTERS.map((value) => ({ value, label: t(`clusters.statusFilter.${value}`) }))}
          onChange={(status) => setView({ status: status as StatusFilter | undefined })}
        />
        {clusters.data && shown ? (
          <p className="text-xs text-slate-600" aria-live="polite">
            {shown.length === clusters.data.length
              ? t("clusters.count", { count: clusters.data.length })
              : t("clusters.countFiltered", { shown: shown.length, total: clusters.data.length })}
          </p>
        ) : null}
        {/* The list also refreshes itself every few seconds: only the icon shows it (no flicker, and never disabled under a keyboard user). */}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={refetch}>
          <RefreshCw aria-hidden className={clsx("size-3.5", clusters.isFetching && "animate-spin")} />
          {t("common.refresh")}
        </Button>
      </div>

      {clusters.isError && clusters.data ? (
        <div className="mb-3">
          <Alert tone="warning">{t("clusters.staleWarning")}</Alert>
        </div>
      ) : null}

      {shown && shown.length > 0 ? (
        <ClustersTable
          region={region}
          clusters={shown}
          sort={{ value: view, onChange: (sort, order) => setView({ sort, order }) }}
          onEdit={edit}
          onDelete={remove}
        />
      ) : clusters.data ? (
        <ClustersEmpty
          q={q || (view.status ? t(`clusters.statusFilter.${view.status}`) : "")}
          onCreate={() => setCreating(true)}
          onClearSearch={() => setView({ q: "", status: undefined })}
        />
      ) : clusters.isError ? (
        <ApiErrorAlert error={clusters.error} title={t("clusters.loadError")} onRetry={refetch} retrying={clusters.isFetching} />
      ) : (
        <ClustersSkeleton region={region} />
      )}

      <CreateClusterDialog region={region} open={creating} onOpenChange={setCreating} />
      <EditClusterDialog cluster={editing} onClose={() => setEditing(null)} returnFocus={rowActions} />
      <DeleteClusterDialog region={region} cluster={deleting} onClose={() => setDeleting(null)} returnFocus={rowActions} />
    </>
  );
}
