// The asset behind a row (SPEC §4 screen 4: "asset information" on hover): the proxy list and the
// asset lists. The cell shows the essentials as text; the card adds the rest for pointer and
// keyboard users, and for a client how its agent reports: through a proxy server or directly.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { HoverCard as H } from "radix-ui";
import type { ReactNode } from "react";
import type { AssetDto } from "@/components/assets/asset-api";
import { AgentStatusBadge } from "@/components/assets/asset-badges";
import { RelativeTime } from "@/components/ui/relative-time";
import { listClusterProxies, type ProxyDto } from "./proxy-api";
import { proxyKeys } from "./query-keys";

/** What both a proxy's asset and an asset list row carry. */
type Asset = Pick<
  ProxyDto["asset"],
  "hostname" | "ips" | "osVersion" | "cpuCores" | "memoryMb" | "agentVersion" | "agentLastSeenAt"
> & { os: string; provider: string; agentInstalled?: boolean };
/** A client's agent, as the asset lists carry it (SPEC §8). */
type ClientAgent = Pick<AssetDto, "agentStatus" | "viaProxyId" | "cluster">;

export function AssetCell({ asset }: { asset: Asset }) {
  const [firstIp, ...moreIps] = asset.ips;
  return (
    <div className="min-w-0">
      <AssetHoverCard asset={asset} />
      <p className="font-mono text-xs text-slate-700">
        {firstIp}
        {moreIps.length > 0 ? <span className="text-slate-500"> +{moreIps.length}</span> : null}
      </p>
      <p className="text-xs text-slate-600">{asset.osVersion}</p>
    </div>
  );
}

/** The hostname as the card's trigger. */
export function AssetHoverCard({ asset, client }: { asset: Asset; client?: ClientAgent }) {
  return (
    <H.Root openDelay={250} closeDelay={100}>
      <H.Trigger asChild>
        <button
          type="button"
          className="max-w-full text-left font-medium [overflow-wrap:anywhere] text-slate-900 underline decoration-slate-400 decoration-dotted underline-offset-4"
        >
          {asset.hostname}
        </button>
      </H.Trigger>
      <H.Portal>
        <H.Content
          side="right"
          align="start"
          sideOffset={8}
          className="z-50 w-80 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <AssetFacts asset={asset} client={client} />
        </H.Content>
      </H.Portal>
    </H.Root>
  );
}

function AssetFacts({ asset, client }: { asset: Asset; client?: ClientAgent }) {
  const t = useTranslations("proxies.asset");
  const agent = useTranslations("assetList.agent");
  const format = useFormatter();
  const unknown = <span className="text-slate-500">{t("unknown")}</span>;
  // A manually deployed proxy's server has no agent (issue 13): say so, not "version unknown".
  const notInstalled = asset.agentInstalled === false || client?.agentStatus === "not_installed";
  const hardware =
    asset.cpuCores && asset.memoryMb
      ? t("cpuMemory", {
          cores: asset.cpuCores,
          memory: format.number(asset.memoryMb / 1024, { maximumFractionDigits: 1 }),
        })
      : null;
  return (
    <>
      <p className="mb-2 font-semibold [overflow-wrap:anywhere] text-slate-900">{asset.hostname}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <Fact label={t("ips")}>
          <span className="font-mono [overflow-wrap:anywhere]">{asset.ips.join(", ")}</span>
        </Fact>
        <Fact label={t("os")}>
          {t(`osFamily.${asset.os as "linux" | "windows"}`)} · {asset.osVersion}
        </Fact>
        <Fact label={t("provider")}>{t(`providers.${asset.provider as Provider}`)}</Fact>
        <Fact label={t("hardware")}>{hardware ?? unknown}</Fact>
        {notInstalled ? (
          <Fact label={t("agentVersion")}>{agent("not_installed")}</Fact>
        ) : (
          <>
            <Fact label={t("agentVersion")}>{asset.agentVersion ?? unknown}</Fact>
            <Fact label={t("agentLastSeen")}>
              {asset.agentLastSeenAt ? <RelativeTime value={asset.agentLastSeenAt} /> : unknown}
            </Fact>
          </>
        )}
        {client ? (
          <>
            <Fact label={t("agentStatus")}>
              <AgentStatusBadge asset={{ agentStatus: client.agentStatus, agentLastSeenAt: null }} compact />
            </Fact>
            <Fact label={t("reports")}>
              <ReportsVia client={client} />
            </Fact>
          </>
        ) : null}
      </dl>
      {client?.agentStatus === "proxy_offline" ? (
        <p className="mt-2 text-xs text-amber-800">{agent("proxyOfflineHint")}</p>
      ) : notInstalled ? (
        <p className="mt-2 text-xs text-amber-800">{agent("notInstalledHint")}</p>
      ) : null}
    </>
  );
}

/** "Through proxy server X" (named from the cluster's proxy list, loaded when the card opens) or "Directly". */
function ReportsVia({ client }: { client: ClientAgent }) {
  const t = useTranslations("proxies.asset");
  const clusterId = client.cluster?.id ?? "";
  const proxies = useQuery({
    queryKey: proxyKeys.list(clusterId),
    queryFn: ({ signal }) => listClusterProxies(clusterId, signal),
    enabled: client.viaProxyId !== null && clusterId !== "",
    staleTime: 30_000,
  });
  if (client.viaProxyId === null) return <>{t("direct")}</>;
  const proxy = proxies.data?.items.find((p) => p.id === client.viaProxyId);
  return <>{proxy ? t("viaProxyNamed", { name: proxy.asset.hostname }) : t("viaProxy")}</>;
}

type Provider = "alibaba" | "aws" | "azure" | "gcp" | "tencent" | "huawei" | "idc" | "other";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </>
  );
}
