// Where an asset reports through: the cluster it is connected to (a link to that cluster's
// clients), "direct" when it is in no cluster, and the cluster it serves as a proxy server of.
"use client";
import { Network, Server } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Region } from "@/lib/clusters/schemas";
import type { AssetDto } from "./asset-api";

const LINK = "text-brand-700 underline-offset-2 hover:underline";

export function ConnectionCell({
  region,
  asset,
  clusterName,
}: {
  region: Region;
  asset: AssetDto;
  clusterName: (id: string) => string | undefined;
}) {
  const t = useTranslations("assets.connection");
  return (
    <div className="space-y-0.5">
      {asset.cluster ? (
        <Link href={`/${region}/clusters/${asset.cluster.id}/clients`} className={`flex items-center gap-1 ${LINK}`}>
          <Network aria-hidden className="size-3.5 shrink-0" />
          <span className="sr-only">{t("connectedTo")} </span>
          {asset.cluster.name}
        </Link>
      ) : (
        <span className="text-slate-600" title={t("directTitle")}>
          {t("direct")}
        </span>
      )}
      {asset.proxyOf ? (
        <span className="flex items-center gap-1 text-xs text-slate-700">
          <Server aria-hidden className="size-3.5 shrink-0" />
          {t("proxyOf")}{" "}
          <Link href={`/${region}/clusters/${asset.proxyOf}/proxies`} className={LINK}>
            {clusterName(asset.proxyOf) ?? t("unknownCluster")}
          </Link>
        </span>
      ) : null}
    </div>
  );
}
