// R19 "proxy": a self-built proxy cluster of the region or none (connect directly). Only serving
// clusters (online or degraded) can take registrations (R6, R13), so offline ones are listed
// disabled with why, in a searchable picker (cluster-picker.tsx).
"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback } from "react";
import { useWatch } from "react-hook-form";
import type { ClusterDto } from "@/components/clusters/cluster-api";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { LimitationsNotice } from "@/components/limitations/limitations-notice";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Skeleton } from "@/components/ui/skeleton";
import type { Region } from "@/lib/clusters/schemas";
import { isClusterServing } from "@/lib/proxies/status";
import { ClusterPicker } from "./cluster-picker";
import type { InstallCommandForm } from "./form-values";

type Props = {
  region: Region;
  form: InstallCommandForm;
  clusters: { data: ClusterDto[] | undefined; error: unknown; isError: boolean; refetch: () => void };
};

export function offlineReason(cluster: ClusterDto, t: ReturnType<typeof useTranslations<"installCommands.create">>) {
  // A degraded cluster (fewer proxies than its minimum, issue 16) still serves: it takes registrations.
  if (isClusterServing(cluster.status)) return undefined;
  return cluster.proxyCount === 0 ? t("clusterNoProxies") : t("clusterProxiesOffline", { total: cluster.proxyCount });
}

export function ProxyField({ region, form, clusters }: Props) {
  const t = useTranslations("installCommands.create");
  const [proxy, clusterId] = useWatch({ control: form.control, name: ["proxy", "clusterId"] });
  const { errors } = form.formState;
  const reasonOf = useCallback((cluster: ClusterDto) => offlineReason(cluster, t), [t]);

  function clusterList() {
    if (clusters.isError && !clusters.data)
      return <ApiErrorAlert error={clusters.error} title={t("clustersLoadError")} onRetry={clusters.refetch} />;
    if (!clusters.data)
      return (
        <div className="space-y-2" aria-busy>
          <span className="sr-only">{t("clustersLoading")}</span>
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      );
    if (clusters.data.length === 0)
      return (
        <p className="rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700">
          {t("noClusters")}{" "}
          <Link href={`/${region}/clusters`} className="text-brand-700 underline underline-offset-2">
            {t("goToClusters")}
          </Link>
        </p>
      );
    return (
      <ClusterPicker
        clusters={clusters.data}
        value={clusterId}
        onChange={(id) => form.setValue("clusterId", id, { shouldValidate: true, shouldDirty: true })}
        reasonOf={reasonOf}
        error={errors.clusterId?.message}
      />
    );
  }

  return (
    <div className="space-y-2">
      <ChoiceGroup
        legend={t("proxy")}
        layout="cards"
        inputProps={form.register("proxy", { deps: ["clusterId"] })}
        checkedValue={proxy}
        choices={[
          { value: "cluster", label: t("proxyCluster"), description: t("proxyClusterHint") },
          { value: "direct", label: t("proxyDirect"), description: t("proxyDirectHint") },
        ]}
        detail={(value) => (value === "cluster" ? clusterList() : null)}
      />
      {proxy === "cluster" && clusterId ? <LimitationsNotice /> : null}
    </div>
  );
}
