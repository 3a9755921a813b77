// A cluster's status and proxies in one line (phrasing content), for the cluster picker.
"use client";
import { useTranslations } from "next-intl";
import type { ClusterDto } from "@/components/clusters/cluster-api";
import { useClusterProxiesText } from "@/components/clusters/cluster-badges";
import { Badge } from "@/components/ui/badge";

const STATUS_TONE = { online: "success", degraded: "warning", offline: "muted" } as const;

export function ClusterStatusLine({ cluster }: { cluster: ClusterDto }) {
  const t = useTranslations("clusters.status");
  const proxiesText = useClusterProxiesText();
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone={STATUS_TONE[cluster.status]}>{t(cluster.status)}</Badge>
      <span>{proxiesText(cluster)}</span>
    </span>
  );
}
