// Guided cluster deletion (SPEC screen 9, issue 7): disconnect clients → stop proxies → delete
// proxies → delete cluster. Cluster and proxies are polled, so each step opens by itself when its
// precondition holds — also when someone else does the work elsewhere.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { BackLink, ClusterLine } from "@/components/proxies/cluster-context";
import { ClusterGate } from "@/components/proxies/cluster-gate";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { useProxies } from "@/components/proxies/use-proxies";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { Region } from "@/lib/clusters/schemas";
import { ClientsStep } from "./clients-step";
import { ClusterStep } from "./cluster-step";
import { ProxiesStep } from "./proxies-step";
import { StopStep } from "./stop-step";

const POLL_MS = 3_000;

export function GuidedDeletePage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations("guidedDelete");
  const [deleted, setDeleted] = useState(false);
  const cluster = useClusterDetail(clusterId, { refetchInterval: deleted ? false : POLL_MS, enabled: !deleted });
  const proxies = useProxies(clusterId);
  const gate = useRoleGate("operator");
  const data = cluster.data;
  const items = proxies.data?.items;
  return (
    <>
      <BackLink href={`/${region}/clusters`}>{t("back")}</BackLink>
      <PageHeader title={data ? t("title", { name: data.name }) : t("titleLoading")} subtitle={<ClusterLine cluster={data} />} />
      <RoleNotice gate={gate} />
      <ClusterGate region={region} cluster={cluster} page="delete">
        <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("subtitle")}</p>
        {!data || !items ? (
          <Skeleton className="h-64 w-full max-w-3xl" />
        ) : (
          <ol className="max-w-3xl space-y-3">
            <ClientsStep cluster={data} clients={data.clientCount} gate={gate} onChanged={() => void cluster.refetch()} />
            <StopStep region={region} cluster={data} proxies={items} gate={gate} />
            <ProxiesStep region={region} cluster={data} proxies={items} gate={gate} />
            <ClusterStep region={region} cluster={data} proxies={items.length} gate={gate} onDeleted={() => setDeleted(true)} />
          </ol>
        )}
      </ClusterGate>
    </>
  );
}
