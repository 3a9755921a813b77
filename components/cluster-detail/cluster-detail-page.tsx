// A cluster's detail page (issue 7): summary — address and type, region, status (degraded below
// the minimum of online proxies, issue 16), proxies,
// clients, capacity use (R13), bandwidth vs the policy (R14, R17) — the last hour's traffic
// through its proxies (SPEC §8), the cluster's pages, and its recent audit events.
"use client";
import { Cpu, ScrollText, Server, SlidersHorizontal, TerminalSquare, Trash2, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { AddressKindBadge, ClusterStatusBadge } from "@/components/clusters/cluster-badges";
import { UsageSummary } from "@/components/clients/usage-summary";
import { useUsage } from "@/components/clients/use-cluster-data";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { ProxySettingsDialog } from "@/components/policy/proxy-settings-dialog";
import { BackLink } from "@/components/proxies/cluster-context";
import { ClusterGate } from "@/components/proxies/cluster-gate";
import { TrafficPanel } from "@/components/proxies/traffic/traffic-panel";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { isIpAddressKind } from "@/lib/clusters/address";
import type { Region } from "@/lib/clusters/schemas";
import { TlsPanel } from "@/components/cluster-tls/tls-panel";
import { RecentEvents } from "./recent-events";

const CARD =
  "flex gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-left hover:border-brand-600 hover:bg-slate-50";

function Section({
  href,
  onClick,
  icon,
  title,
  hint,
}: {
  href?: string;
  onClick?: () => void;
  icon: ReactNode;
  title: string;
  hint: string;
}) {
  const body = (
    <>
      <span aria-hidden className="mt-0.5 text-slate-500">
        {icon}
      </span>
      <span>
        <span className="block text-sm font-medium text-brand-700">{title}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </>
  );
  return href ? (
    <Link href={href} className={CARD}>
      {body}
    </Link>
  ) : (
    <button type="button" onClick={onClick} className={CARD}>
      {body}
    </button>
  );
}

export function ClusterDetailPage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations();
  const cluster = useClusterDetail(clusterId);
  const usage = useUsage(clusterId);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const data = cluster.data;
  const base = `/${region}/clusters/${clusterId}`;
  const icon = "size-4";
  return (
    <>
      <BackLink href={`/${region}/clusters`}>{t("clusterDetail.back")}</BackLink>
      <PageHeader title={data ? t("clusterDetail.title", { name: data.name }) : <Skeleton className="h-6 w-64" />} />
      <ClusterGate region={region} cluster={cluster} page="">
        {!data ? (
          <Skeleton className="h-40 w-full max-w-5xl" />
        ) : (
          <div className="max-w-5xl space-y-5">
            <section aria-label={t("clusterDetail.summary")}>
              <dl className="mb-3 grid grid-cols-2 gap-3 text-sm md:grid-cols-5">
                <div>
                  <dt className="text-xs text-slate-600">{t("clusterDetail.address")}</dt>
                  <dd className="flex flex-wrap items-center gap-1.5">
                    <span className="font-mono text-[13px] [overflow-wrap:anywhere]">{data.address}</span>
                    <AddressKindBadge kind={data.addressKind} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("clusterDetail.region")}</dt>
                  <dd>{t(`shell.regions.${data.region}`)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("clusterDetail.status")}</dt>
                  <dd>
                    <ClusterStatusBadge cluster={data} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("clusterDetail.minOnline")}</dt>
                  <dd className="tabular-nums">
                    {data.minOnlineProxies}
                    {isIpAddressKind(data.addressKind) ? (
                      <span className="block text-xs text-slate-600">{t("clusterDetail.minOnlineIp")}</span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("clusterDetail.created")}</dt>
                  <dd>
                    <RelativeTime value={data.createdAt} />
                  </dd>
                </div>
              </dl>
              {data.status === "degraded" ? (
                <div className="mb-3">
                  <Alert tone="warning" title={t("clusterDetail.degradedTitle")}>
                    <p>
                      {t("clusterDetail.degradedBody", {
                        online: data.onlineProxyCount,
                        total: data.proxyCount,
                        minimum: data.minOnlineProxies,
                      })}
                    </p>
                    <Link href={`${base}/proxies`} className="underline underline-offset-2">
                      {t("clusterDetail.degradedLink")}
                    </Link>
                  </Alert>
                </div>
              ) : null}
              {data.description ? <p className="mb-3 text-sm text-slate-700">{data.description}</p> : null}
              <UsageSummary usage={usage.data} />
            </section>
            <TlsPanel clusterId={clusterId} />
            <TrafficPanel clusterId={clusterId} />
            <nav aria-label={t("clusterDetail.sections")} className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
              <Section
                href={`${base}/proxies`}
                icon={<Server className={icon} />}
                title={t("clusterDetail.proxies")}
                hint={t("clusterDetail.proxiesHint")}
              />
              <Section
                href={`${base}/clients`}
                icon={<Users className={icon} />}
                title={t("clusterDetail.clients")}
                hint={t("clusterDetail.clientsHint")}
              />
              <Section
                href={`${base}/access`}
                icon={<UserPlus className={icon} />}
                title={t("clusterDetail.access")}
                hint={t("clusterDetail.accessHint")}
              />
              <Section
                onClick={() => setSettingsOpen(true)}
                icon={<SlidersHorizontal className={icon} />}
                title={t("clusterDetail.policy")}
                hint={t("clusterDetail.policyHint")}
              />
              <Section
                href={`/${region}/install-commands?cluster=${clusterId}`}
                icon={<TerminalSquare className={icon} />}
                title={t("clusterDetail.installCommands")}
                hint={t("clusterDetail.installCommandsHint")}
              />
              <Section
                href={`${base}/plan`}
                icon={<Cpu className={icon} />}
                title={t("clusterDetail.plan")}
                hint={t("clusterDetail.planHint")}
              />
              <Section
                href={`/${region}/audit?targetType=cluster`}
                icon={<ScrollText className={icon} />}
                title={t("clusterDetail.audit")}
                hint={t("clusterDetail.auditAll")}
              />
              <Section
                href={`${base}/delete`}
                icon={<Trash2 className={icon} />}
                title={t("clusterDetail.delete")}
                hint={t("clusterDetail.deleteHint")}
              />
            </nav>
            <RecentEvents region={region} clusterId={clusterId} />
            <ProxySettingsDialog cluster={data} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
          </div>
        )}
      </ClusterGate>
    </>
  );
}
