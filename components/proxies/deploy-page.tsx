// Deploy proxy (SPEC §4 screen 3): quick deploy onto servers with online agents, or a manual
// deploy command. An IP-address cluster that already has its proxy offers neither (R4).
"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { PreparationChecklist } from "@/components/planning/preparation-checklist";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import type { Region } from "@/lib/clusters/schemas";
import { BackLink, ClusterLine } from "./cluster-context";
import { ClusterGate } from "./cluster-gate";
import { ipClusterFull, isIpCluster } from "./deploy-availability";
import { ManualDeploy } from "./manual-deploy";
import { QuickDeploy } from "./quick-deploy";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { useProxies } from "./use-proxies";

type Mode = "quick" | "manual";

export function DeployPage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations("deployProxy");
  const router = useRouter();
  const pathname = usePathname();
  const mode: Mode = useSearchParams().get("mode") === "manual" ? "manual" : "quick";
  const cluster = useClusterDetail(clusterId);
  const proxies = useProxies(clusterId);
  const gate = useRoleGate("operator");
  const proxiesHref = `/${region}/clusters/${clusterId}/proxies`;
  const proxyCount = proxies.data?.items.length;
  const ready = cluster.data && proxyCount !== undefined;
  // Once a command was generated here, the proxy it registers fills an IP cluster (R4): keep the
  // command on screen and say so, instead of swapping the panel for "unavailable".
  const [generated, setGenerated] = useState(false);

  return (
    <>
      <BackLink href={proxiesHref}>{t("back")}</BackLink>
      <PageHeader title={t("title")} subtitle={<ClusterLine cluster={cluster.data} />} />
      <RoleNotice gate={gate} />
      <ClusterGate region={region} cluster={cluster} page="proxies/deploy">
        {!ready ? (
          <Skeleton className="h-40 w-full max-w-4xl" />
        ) : ipClusterFull(cluster.data, proxyCount) && !generated ? (
          <div className="max-w-3xl">
            <Alert tone="warning" title={t("ipFull.title")}>
              <p>{t("ipFull.body", { address: cluster.data.address })}</p>
              <Link href={proxiesHref} className="text-brand-700 underline underline-offset-2">
                {t("ipFull.link")}
              </Link>
            </Alert>
          </div>
        ) : (
          <div className="max-w-5xl space-y-4">
            <PreparationChecklist cluster={cluster.data} />
            {ipClusterFull(cluster.data, proxyCount) ? (
              <Alert tone="info" title={t("ipRegistered")}>
                <Link href={proxiesHref} className="text-brand-700 underline underline-offset-2">
                  {t("ipFull.link")}
                </Link>
              </Alert>
            ) : isIpCluster(cluster.data) ? (
              <Alert tone="info">{t("ipNote", { address: cluster.data.address })}</Alert>
            ) : null}
            <Tabs value={mode} onValueChange={(next) => router.replace(next === "manual" ? `${pathname}?mode=manual` : pathname)}>
              <TabList label={t("tabsLabel")}>
                <Tab value="quick">
                  {t("quick")}
                  <span className="block text-xs font-normal text-slate-500">{t("quickHint")}</span>
                </Tab>
                <Tab value="manual">
                  {t("manual")}
                  <span className="block text-xs font-normal text-slate-500">{t("manualHint")}</span>
                </Tab>
              </TabList>
              <TabPanel value="quick" className="pt-4">
                <QuickDeploy region={region} cluster={cluster.data} roleReason={gate.short} />
              </TabPanel>
              <TabPanel value="manual" className="pt-4">
                <ManualDeploy
                  cluster={cluster.data}
                  proxiesHref={proxiesHref}
                  roleReason={gate.short}
                  onGenerated={() => setGenerated(true)}
                />
              </TabPanel>
            </Tabs>
          </div>
        )}
      </ClusterGate>
    </>
  );
}
