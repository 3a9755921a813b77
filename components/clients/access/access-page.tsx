// Access clients (SPEC §4 screen 5): connect servers with online agents by picking them (R11),
// in batches of 500 a window apart (R12) or in paced waves; or go to install-command generation
// for servers without an agent.
"use client";
import { TerminalSquare, Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { buttonClass } from "@/components/ui/button";
import { useRowSelection } from "@/components/ui/data-table/use-row-selection";
import { LimitationsNotice } from "@/components/limitations/limitations-notice";
import type { Region } from "@/lib/clusters/schemas";
import { ClusterFrame } from "../cluster-frame";
import { useUsage } from "../use-cluster-data";
import { useClusterDetail } from "@/components/clusters/use-cluster-detail";
import { AssetPicker } from "./asset-picker";
import { ConnectPanel } from "./connect-panel";
import type { PickedAsset } from "./eligibility";
import { PacerProgress } from "./pacer-progress";
import { useConnectJobs } from "./use-connect-jobs";

const pickedId = (asset: PickedAsset) => asset.id;
/** A finished job stays on screen this long after it ends, unless dismissed. */
const RECENT_MS = 30 * 60_000;

export function AccessPage({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const cluster = useClusterDetail(clusterId);
  const usage = useUsage(clusterId);
  const jobs = useConnectJobs(clusterId);
  const selection = useRowSelection(pickedId);
  const gate = useRoleGate("operator");
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = jobs.data?.items[0];
  const fetchedAt = jobs.data?.fetchedAt ?? 0;
  const showJob =
    latest &&
    latest.id !== dismissed &&
    (latest.status === "running" || (latest.finishedAt && fetchedAt - new Date(latest.finishedAt).getTime() < RECENT_MS));
  const clientCount = usage.data?.clients ?? cluster.data?.clientCount ?? 0;

  const actions = (
    <>
      <Link href={`/${region}/clusters/${clusterId}/clients`} className={buttonClass("secondary")}>
        <Users aria-hidden className="size-4" />
        {t("clientAccess.viewClients", { count: clientCount, formatted: format.number(clientCount) })}
      </Link>
      <Link href={`/${region}/install-commands?cluster=${clusterId}`} className={buttonClass("secondary")}>
        <TerminalSquare aria-hidden className="size-4" />
        {t("clientAccess.installCommands")}
      </Link>
    </>
  );

  return (
    <ClusterFrame region={region} cluster={cluster} title={t("clientAccess.title")} page="access" actions={actions}>
      <RoleNotice gate={gate} />
      <p className="mb-3 max-w-4xl text-sm text-slate-700">{t("clientAccess.intro")}</p>
      {showJob && latest ? (
        <PacerProgress
          clusterId={clusterId}
          job={latest}
          fetchedAt={fetchedAt}
          gate={gate}
          onDismiss={() => setDismissed(latest.id)}
        />
      ) : null}
      {cluster.data ? (
        <ConnectPanel
          cluster={cluster.data}
          selection={selection}
          usage={usage.data}
          gate={gate}
          jobRunning={latest?.status === "running"}
        />
      ) : null}
      <AssetPicker region={region} clusterId={clusterId} selection={selection} />
      <div className="mt-4 max-w-4xl">
        <LimitationsNotice />
      </div>
    </ClusterFrame>
  );
}
