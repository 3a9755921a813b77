// SPEC §4 screen 4: the proxy servers of one cluster, one row each, statuses live from heartbeats,
// with the clients each one holds against its capacity and its fair share (issue 16), and what
// it relays (SPEC §8).
"use client";
import { AlertTriangle, ArrowUpCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame, keyedColumns } from "@/components/ui/table";
import { AssetCell } from "./asset-hover-card";
import { HeldCell, ShareCell } from "./holding-cells";
import { AgentStatusBadge, PolicyBadge, ProxyStatusBadge } from "./proxy-badges";
import type { ProxyDto, ProxyList } from "./proxy-api";
import { ProxyRowActions, type ProxyAction } from "./proxy-row-actions";
import { RelayCell } from "./relay-cells";

export const PROXY_COLUMNS = [
  "asset",
  "agent",
  "status",
  "version",
  "heartbeat",
  "load",
  "share",
  "relay",
  "policy",
  "actions",
] as const;

const COLUMN_CLASS: Record<(typeof PROXY_COLUMNS)[number], string> = {
  asset: "min-w-44",
  agent: "min-w-24",
  status: "min-w-28",
  version: "min-w-28",
  heartbeat: "min-w-28",
  load: "min-w-40",
  share: "min-w-56",
  relay: "min-w-40",
  policy: "min-w-28",
  actions: "sticky right-0 w-12 bg-slate-50 shadow-[-1px_0_0_var(--color-slate-200)]",
};

type Props = {
  caption: string;
  list: ProxyList;
  roleReason: string | undefined;
  onAction: (proxy: ProxyDto, action: ProxyAction) => void;
};

export function ProxiesTable({ caption, list, roleReason, onAction }: Props) {
  const context = {
    offlinePeers: list.items.filter((p) => p.status !== "online" && p.status !== "upgrading").length,
    pace: list.rebalancePerMinute,
  };
  return (
    <ProxiesTableFrame caption={caption}>
      {list.items.map((proxy) => (
        <tr key={proxy.id} className="border-b border-slate-200 bg-white align-top hover:bg-slate-50" data-proxy-id={proxy.id}>
          <th scope="row" className="px-3 py-2 text-left font-normal">
            <AssetCell asset={proxy.asset} />
          </th>
          <td className="px-3 py-2">
            <AgentStatusBadge status={proxy.agentStatus} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <ProxyStatusBadge proxy={proxy} />
          </td>
          <td className="px-3 py-2">
            <VersionCell proxy={proxy} latest={list.latestVersion} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <HeartbeatCell proxy={proxy} />
          </td>
          <td className="px-3 py-2 text-right">
            <HeldCell proxy={proxy} context={context} />
          </td>
          <td className="px-3 py-2">
            <ShareCell proxy={proxy} context={context} />
          </td>
          <td className="px-3 py-2">
            <RelayCell proxy={proxy} />
          </td>
          <td className="px-3 py-2">
            <PolicyBadge proxy={proxy} clusterPolicy={list.policyVersion} />
          </td>
          <td className="sticky right-0 bg-inherit px-3 py-1.5 text-right shadow-[-1px_0_0_var(--color-slate-200)]">
            <ProxyRowActions proxy={proxy} roleReason={roleReason} onAction={(action) => onAction(proxy, action)} />
          </td>
        </tr>
      ))}
    </ProxiesTableFrame>
  );
}

function VersionCell({ proxy, latest }: { proxy: ProxyDto; latest: string | null }) {
  const t = useTranslations("proxies.version");
  if (!proxy.version) return <span className="text-slate-500">{t("unknown")}</span>;
  const isLatest = latest !== null && proxy.version === latest;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span className="font-mono text-[13px]">{proxy.version}</span>
      {isLatest ? (
        <span className="text-xs text-slate-600">{t("latest")}</span>
      ) : latest ? (
        <span className="flex items-center gap-1 text-xs text-amber-800">
          <ArrowUpCircle aria-hidden className="size-3.5" />
          {t("latestHint", { version: latest })}
        </span>
      ) : null}
      {proxy.lastUpgradeFailure ? (
        <span className="flex max-w-72 items-start gap-1 text-xs text-red-700" data-testid="upgrade-failure">
          <AlertTriangle aria-hidden className="mt-px size-3.5 shrink-0" />
          {t(`upgradeFailed.${proxy.lastUpgradeFailure.outcome}`, {
            version: proxy.lastUpgradeFailure.version,
            reason: proxy.lastUpgradeFailure.reason,
          })}
        </span>
      ) : null}
    </div>
  );
}

function HeartbeatCell({ proxy }: { proxy: ProxyDto }) {
  const t = useTranslations("proxies");
  return (
    <div className="flex flex-col items-start gap-0.5">
      {proxy.lastHeartbeatAt ? (
        <RelativeTime value={proxy.lastHeartbeatAt} className="tabular-nums" />
      ) : (
        <span className="text-slate-500">{t("heartbeat.never")}</span>
      )}
      <span className="text-xs text-slate-600">{t(`mode.${proxy.mode}`)}</span>
    </div>
  );
}

/** Table, caption and header row, shared with the loading skeleton so columns never jump. */
export function ProxiesTableFrame({ caption, busy, children }: { caption: string; busy?: boolean; children: ReactNode }) {
  const t = useTranslations("proxies.columns");
  return (
    <TableFrame
      caption={caption}
      busy={busy}
      minWidth="80rem"
      columns={keyedColumns(PROXY_COLUMNS, t, COLUMN_CLASS, ["load", "actions"])}
    >
      {children}
    </TableFrame>
  );
}
