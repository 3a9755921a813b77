// Status and address-type badges: icon + words, never color alone.
"use client";
import { CircleCheck, CircleMinus, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ClusterDto } from "./cluster-api";

type StatusFacts = Pick<ClusterDto, "status" | "proxyCount" | "onlineProxyCount" | "minOnlineProxies">;

const STATUS: Record<ClusterDto["status"], { tone: BadgeTone; icon: typeof CircleCheck }> = {
  online: { tone: "success", icon: CircleCheck },
  degraded: { tone: "warning", icon: TriangleAlert },
  offline: { tone: "muted", icon: CircleMinus },
};

/**
 * The proxies behind the status in words: "2/3 proxies online", and with a minimum above 1
 * (issue 16) "2 of 3 proxies online (minimum 3)".
 */
export function useClusterProxiesText() {
  const t = useTranslations("clusters.status");
  return (cluster: StatusFacts) =>
    cluster.proxyCount === 0
      ? t("noProxies")
      : cluster.minOnlineProxies > 1
        ? t("proxiesMin", { online: cluster.onlineProxyCount, total: cluster.proxyCount, minimum: cluster.minOnlineProxies })
        : t("proxies", { online: cluster.onlineProxyCount, total: cluster.proxyCount });
}

/** Online, degraded (amber: fewer serving proxies than the minimum) or offline, R6 and issue 16. */
export function ClusterStatusBadge({ cluster }: { cluster: StatusFacts }) {
  const t = useTranslations("clusters.status");
  const proxiesText = useClusterProxiesText();
  const { tone, icon: Icon } = STATUS[cluster.status];
  return (
    <div className="flex flex-col items-start gap-0.5" data-testid="cluster-status" data-status={cluster.status}>
      <Badge tone={tone} title={t(`${cluster.status}Title`, { minimum: cluster.minOnlineProxies })}>
        <Icon aria-hidden className="size-3.5" />
        {t(cluster.status)}
      </Badge>
      <span className={cluster.status === "degraded" ? "text-xs text-amber-800" : "text-xs text-slate-600"}>
        {proxiesText(cluster)}
      </span>
    </div>
  );
}

export function AddressKindBadge({ kind }: { kind: ClusterDto["addressKind"] }) {
  const t = useTranslations("clusters.addressKind");
  return (
    <Badge tone={kind === "domain" ? "info" : "neutral"} title={t(`${kind}Title`)}>
      {t(kind)}
    </Badge>
  );
}
