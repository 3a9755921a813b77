// The frame of a cluster's client pages: the way back, the title with the cluster's name and
// address, and plain words when the cluster is gone or belongs to the other region (R1), from
// the pieces every cluster page uses.
"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BackLink, ClusterLine } from "@/components/proxies/cluster-context";
import { ClusterGate } from "@/components/proxies/cluster-gate";
import { PageHeader } from "@/components/shell/page-header";
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

export function ClusterFrame({ region, cluster, title, page, actions, children }: Props) {
  const t = useTranslations("clients");
  const data = cluster.data;
  return (
    <>
      <BackLink href={`/${region}/clusters`}>{t("back")}</BackLink>
      <PageHeader
        title={title}
        subtitle={<ClusterLine cluster={data} />}
        actions={data && data.region === region ? actions : null}
      />
      <ClusterGate region={region} cluster={cluster} page={page}>
        {children}
      </ClusterGate>
    </>
  );
}
