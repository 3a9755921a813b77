// The frame of a cluster's client pages: the way back, the title with the cluster's name and
// address, and plain words when the cluster is gone or belongs to the other region (R1).
"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AddressKindBadge } from "@/components/clusters/cluster-badges";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";

type Props = {
  region: Region;
  cluster: UseQueryResult<ClusterDto>;
  title: string;
  /** The same page in the other region, e.g. "clients" or "access". */
  page: "clients" | "access";
  actions?: ReactNode;
  children: ReactNode;
};

const LINK = "text-brand-700 underline underline-offset-2";

export function ClusterFrame({ region, cluster, title, page, actions, children }: Props) {
  const t = useTranslations();
  const data = cluster.data;
  const other = data && data.region !== region ? data.region : null;
  return (
    <>
      <Link
        href={`/${region}/clusters`}
        className="mb-2 inline-flex items-center gap-1 text-xs text-brand-700 underline-offset-2 hover:underline"
      >
        <ChevronLeft aria-hidden className="size-3.5" />
        {t("clients.back")}
      </Link>
      <PageHeader
        title={title}
        subtitle={
          data ? (
            <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
              <span>{t("clients.clusterLabel")}</span>
              <span className="font-medium text-slate-900">{data.name}</span>
              <span aria-hidden>·</span>
              <span className="font-mono text-[13px]">{data.address}</span>
              <AddressKindBadge kind={data.addressKind} />
            </span>
          ) : (
            <Skeleton className="h-4 w-72" />
          )
        }
        actions={data && !other ? actions : null}
      />
      {cluster.error instanceof ApiError && cluster.error.code === "NOT_FOUND" ? (
        <Alert tone="warning" title={t("clients.clusterMissing.title")}>
          <p>{t("clients.clusterMissing.body")}</p>
          <Link href={`/${region}/clusters`} className={LINK}>
            {t("clients.back")}
          </Link>
        </Alert>
      ) : cluster.error && !data ? (
        <ApiErrorAlert error={cluster.error} title={t("clients.clusterLoadError")} onRetry={() => void cluster.refetch()} />
      ) : other ? (
        <Alert tone="warning" title={t("clients.otherRegion", { region: t(`shell.regions.${other}`) })}>
          <Link href={`/${other}/clusters/${data!.id}/${page}`} className={LINK}>
            {t("clients.openInRegion", { region: t(`shell.regions.${other}`) })}
          </Link>
        </Alert>
      ) : (
        children
      )}
    </>
  );
}
