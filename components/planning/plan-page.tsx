// The planner of an existing cluster (issue 7): starts from its real numbers — online proxies and
// their sizes, connected clients, the policy's bandwidth limit — shows today's headroom, what
// each proxy holds and whether the cluster survives losing its largest proxy (issue 16), and
// answers live as the operator changes the numbers, with redundancy (N+1) on request.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useUsage } from "@/components/clients/use-cluster-data";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { BackLink, ClusterLine } from "@/components/proxies/cluster-context";
import { ClusterGate } from "@/components/proxies/cluster-gate";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { useProxies } from "@/components/proxies/use-proxies";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { ClusterUsage } from "@/components/clients/client-api";
import type { Region } from "@/lib/clusters/schemas";
import { isServing } from "@/lib/proxies/status";
import { PlanResults } from "./plan-results";
import { ProxyLoads, RedundancyToday } from "./plan-today";
import { PlannerFields } from "./planner-fields";
import { DEFAULT_PLANNER_VALUES, readPlannerValues, type PlannerValues } from "./planner-values";

/** Proxies to add are sized like the cluster's largest serving proxy of known size, else 8 cores / 16 GB. */
function startingValues(usage: ClusterUsage, proxies: ProxyDto[]): PlannerValues {
  const sized = proxies
    .filter((p) => isServing(p.status) && p.capacity > 0 && p.asset.cpuCores && p.asset.memoryMb)
    .sort((a, b) => b.capacity - a.capacity)[0];
  return {
    servers: String(usage.clients),
    cores: sized ? String(sized.asset.cpuCores) : DEFAULT_PLANNER_VALUES.cores,
    memoryGb: sized ? String(Math.round((sized.asset.memoryMb! / 1024) * 10) / 10) : DEFAULT_PLANNER_VALUES.memoryGb,
    uplinkKbps: usage.bandwidthLimitKbps ? String(usage.bandwidthLimitKbps) : "",
    redundancy: false,
  };
}

export function PlanPage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations("planning.page");
  const cluster = useClusterDetail(clusterId);
  const usage = useUsage(clusterId);
  const proxies = useProxies(clusterId);
  const ready = cluster.data && usage.data && proxies.data;
  return (
    <>
      <BackLink href={`/${region}/clusters/${clusterId}`}>{t("back")}</BackLink>
      <PageHeader title={t("title")} subtitle={<ClusterLine cluster={cluster.data} />} />
      <ClusterGate region={region} cluster={cluster} page="plan">
        <p className="mb-3 max-w-4xl text-sm text-slate-600">{t("subtitle")}</p>
        {ready ? <Planner usage={usage.data!} proxies={proxies.data!.items} /> : <Skeleton className="h-64 w-full max-w-4xl" />}
      </ClusterGate>
    </>
  );
}

function Planner({ usage, proxies }: { usage: ClusterUsage; proxies: ProxyDto[] }) {
  const t = useTranslations("planning.page");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  // Started once from the real numbers; polling afterwards must not overwrite what is typed.
  const [values, setValues] = useState(() => startingValues(usage, proxies));
  const headroom = usage.capacity - usage.clients;
  return (
    <div className="max-w-4xl space-y-4">
      <section aria-labelledby="plan-today" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
        <h2 id="plan-today" className="mb-1 font-semibold text-slate-900">
          {t("current")}
        </h2>
        <ul className="space-y-0.5 text-slate-700">
          <li>{t("currentProxies", { online: usage.onlineProxies, capacity: n(usage.capacity) })}</li>
          <li>{t("currentClients", { clients: n(usage.clients), required: n(usage.requiredKbps) })}</li>
          <li>{usage.bandwidthLimitKbps ? t("policyLimit", { limit: n(usage.bandwidthLimitKbps) }) : t("policyUnlimited")}</li>
          <li
            className={
              headroom < 0 ? "font-medium text-red-700" : usage.capacityWarning ? "font-medium text-amber-800" : undefined
            }
          >
            {headroom < 0 ? t("overCapacity", { count: n(-headroom) }) : t("headroom", { count: n(headroom) })}
          </li>
          {usage.onlineProxies === 0 ? <li className="text-slate-600">{t("noOnline")}</li> : null}
          {usage.unknownSizeProxies > 0 ? (
            <li className="text-amber-800">{t("unknownSize", { count: usage.unknownSizeProxies })}</li>
          ) : null}
          <RedundancyToday usage={usage} />
        </ul>
        <ProxyLoads proxies={proxies} />
      </section>
      <PlannerFields values={values} onChange={setValues} />
      <PlanResults input={readPlannerValues(values)} existingCapacities={usage.proxyCapacities} />
    </div>
  );
}
