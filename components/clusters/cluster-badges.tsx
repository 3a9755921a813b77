// Status and address-type badges: icon + words, never color alone.
"use client";
import { CircleCheck, CircleMinus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ClusterDto } from "./cluster-api";

export function ClusterStatusBadge({ cluster }: { cluster: Pick<ClusterDto, "status" | "proxyCount" | "onlineProxyCount"> }) {
  const t = useTranslations("clusters.status");
  const online = cluster.status === "online";
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={online ? "success" : "muted"}>
        {online ? <CircleCheck aria-hidden className="size-3.5" /> : <CircleMinus aria-hidden className="size-3.5" />}
        {t(online ? "online" : "offline")}
      </Badge>
      <span className="text-xs text-slate-600">
        {cluster.proxyCount === 0
          ? t("noProxies")
          : t("proxies", { online: cluster.onlineProxyCount, total: cluster.proxyCount })}
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
