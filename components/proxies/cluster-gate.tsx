// The pages of a cluster need the cluster: a missing one (deleted, mistyped link) or one
// of another region (R1) is said plainly instead of an empty table.
"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";

type Props = {
  region: Region;
  cluster: UseQueryResult<ClusterDto>;
  /** This page under /clusters/{id} ("" for the cluster's own page), to open it in the other region. */
  page: string;
  children: ReactNode;
};

export function ClusterGate({ region, cluster, page, children }: Props) {
  const t = useTranslations();
  const error = cluster.error;
  if (error instanceof ApiError && error.code === "NOT_FOUND")
    return (
      <Alert tone="warning" title={t("proxies.clusterMissing.title")}>
        <p>{t("proxies.clusterMissing.body")}</p>
        <Link href={`/${region}/clusters`} className="text-brand-700 underline underline-offset-2">
          {t("proxies.back")}
        </Link>
      </Alert>
    );
  if (error && !cluster.data)
    return <ApiErrorAlert error={error} title={t("proxies.clusterLoadError")} onRetry={() => void cluster.refetch()} />;
  if (cluster.data && cluster.data.region !== region) {
    const other = cluster.data.region;
    return (
      <Alert tone="warning" title={t("proxies.otherRegion", { region: t(`shell.regions.${other}`) })}>
        <Link
          href={`/${other}/clusters/${cluster.data.id}${page ? `/${page}` : ""}`}
          className="text-brand-700 underline underline-offset-2"
        >
          {t("proxies.openInRegion", { region: t(`shell.regions.${other}`) })}
        </Link>
      </Alert>
    );
  }
  return <>{children}</>;
}
