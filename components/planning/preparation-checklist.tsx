// The preparation checklist of the deploy-proxy panel (issue 7, from the seed's 準備 section):
// Linux, ports 80/443/8080, bandwidth per the planner, domain vs IP address, when status shows.
"use client";
import { Clock, Globe, HardDrive, Network, ServerCog } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ClusterDto } from "@/lib/clusters/serialize";
import { requiredBandwidthKbps } from "@/lib/proxies/capacity";

function Item({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden className="mt-0.5 shrink-0 text-slate-500">
        {icon}
      </span>
      <span className="min-w-0 space-y-0.5">{children}</span>
    </li>
  );
}

export function PreparationChecklist({ cluster }: { cluster: ClusterDto }) {
  const t = useTranslations("preparation");
  const format = useFormatter();
  const icon = "size-4";
  return (
    <section aria-labelledby="preparation-title" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
      <h2 id="preparation-title" className="mb-2 font-semibold text-slate-900">
        {t("title")}
      </h2>
      <ul className="space-y-1.5 text-slate-700">
        <Item icon={<HardDrive className={icon} />}>{t("linux")}</Item>
        <Item icon={<Network className={icon} />}>{t("ports")}</Item>
        <Item icon={<ServerCog className={icon} />}>
          <p>{t("bandwidth")}</p>
          {cluster.clientCount > 0 ? (
            <p className="text-xs text-slate-600">
              {t("bandwidthCluster", {
                clients: format.number(cluster.clientCount),
                kbps: format.number(requiredBandwidthKbps(cluster.clientCount)),
              })}
            </p>
          ) : null}
          <Link
            href={`/${cluster.region}/clusters/${cluster.id}/plan`}
            className="text-xs text-brand-700 underline underline-offset-2"
          >
            {t("planLink")}
          </Link>
        </Item>
        <Item icon={<Globe className={icon} />}>
          <p>{t("domain")}</p>
          <p className="text-xs text-slate-600">{t("ip")}</p>
        </Item>
        <Item icon={<Clock className={icon} />}>{t("status")}</Item>
      </ul>
    </section>
  );
}
