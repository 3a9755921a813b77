// Server basic info (SPEC §4 screen 4): the proxy servers of one cluster with live statuses,
// and upgrade, stop and delete with their reasons when unavailable; "Upgrade all" and the
// cluster's rolling upgrade (issue 17).
"use client";
import { clsx } from "clsx";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Region } from "@/lib/clusters/schemas";
import { BackLink, ClusterLine } from "./cluster-context";
import { ClusterGate } from "./cluster-gate";
import { DeployButton } from "./deploy-button";
import { HoldingSummary } from "./holding-cells";
import type { ProxyDto } from "./proxy-api";
import { ProxyActionDialog } from "./proxy-action-dialog";
import { isRunning, type ProxyAction } from "./proxy-row-actions";
import { ProxiesEmpty } from "./proxies-empty";
import { ProxiesSkeleton } from "./proxies-skeleton";
import { ProxiesTable } from "./proxies-table";
import { RunningProxiesNote } from "./stop-command-note";
import { TrafficPanel } from "./traffic/traffic-panel";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { LatestRollout, UpgradeAllButton } from "@/components/rollouts/upgrade-all";
import { useProxies } from "./use-proxies";

type Props = { region: Region; clusterId: string };

export function ProxiesPage({ region, clusterId }: Props) {
  const t = useTranslations();
  const cluster = useClusterDetail(clusterId);
  const proxies = useProxies(clusterId);
  // Deploy, upgrade, stop and delete need the operator role; a viewer sees them disabled with why.
  const gate = useRoleGate("operator");
  const roleReason = gate.short;
  const [target, setTarget] = useState<{ action: ProxyAction; proxy: ProxyDto } | null>(null);
  const lastRow = useRef<string | null>(null);
  const rowActions = () => document.querySelector<HTMLElement>(`[data-actions-for="${lastRow.current}"]`);
  const act = (proxy: ProxyDto, action: ProxyAction) => {
    lastRow.current = proxy.id;
    setTarget({ action, proxy });
  };
  const refetch = () => void proxies.refetch();
  const list = proxies.data;
  const deploy = <DeployButton region={region} cluster={cluster.data} proxyCount={list?.items.length} roleReason={roleReason} />;

  return (
    <>
      <BackLink href={`/${region}/clusters`}>{t("proxies.back")}</BackLink>
      <PageHeader title={t("proxies.title")} subtitle={<ClusterLine cluster={cluster.data} />} actions={deploy} />
      <RoleNotice gate={gate} />
      <ClusterGate region={region} cluster={cluster} page="proxies">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          {list ? (
            <p className="text-xs text-slate-600" aria-live="polite">
              {t("proxies.count", { count: list.items.length })}
              {list.latestVersion ? ` · ${t("proxies.latestVersion", { version: list.latestVersion })}` : null}
            </p>
          ) : null}
          <div className="ml-auto flex items-start gap-2">
            {list && list.items.length > 1 ? (
              <UpgradeAllButton
                clusterId={clusterId}
                clusterName={cluster.data?.name ?? ""}
                upgradable={list.items.filter((p) => p.canUpgrade).length}
                gate={gate}
              />
            ) : null}
            <Button size="sm" variant="ghost" onClick={refetch}>
              <RefreshCw aria-hidden className={clsx("size-3.5", proxies.isFetching && "animate-spin")} />
              {t("common.refresh")}
            </Button>
          </div>
        </div>
        <LatestRollout clusterId={clusterId} gate={gate} />

        {proxies.isError && list ? (
          <div className="mb-3">
            <Alert tone="warning">{t("proxies.staleWarning")}</Alert>
          </div>
        ) : null}

        {list && list.items.length > 0 ? (
          <>
            <HoldingSummary list={list} />
            <ProxiesTable
              caption={t("proxies.tableCaption", { name: cluster.data?.name ?? "" })}
              list={list}
              roleReason={roleReason}
              onAction={act}
            />
            {list.items.some(isRunning) ? (
              <div className="mt-3 max-w-3xl">
                <RunningProxiesNote proxies={list.items.filter(isRunning)} />
              </div>
            ) : null}
            <div className="mt-5">
              <TrafficPanel clusterId={clusterId} />
            </div>
          </>
        ) : list ? (
          <ProxiesEmpty deploy={deploy} />
        ) : proxies.isError ? (
          <ApiErrorAlert error={proxies.error} title={t("proxies.loadError")} onRetry={refetch} retrying={proxies.isFetching} />
        ) : (
          <ProxiesSkeleton />
        )}
      </ClusterGate>

      <ProxyActionDialog
        region={region}
        clusterId={clusterId}
        cluster={cluster.data}
        proxies={list?.items ?? []}
        latestVersion={list?.latestVersion ?? null}
        target={target}
        onClose={() => setTarget(null)}
        returnFocus={rowActions}
      />
    </>
  );
}
