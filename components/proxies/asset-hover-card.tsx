// The asset behind a proxy (SPEC §4 screen 4: "asset information" on hover). The cell itself
// shows hostname, IP and OS as text; the card adds the rest for pointer and keyboard users.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { HoverCard as H } from "radix-ui";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ProxyDto } from "./proxy-api";

type Asset = ProxyDto["asset"];

export function AssetCell({ asset }: { asset: Asset }) {
  const [firstIp, ...moreIps] = asset.ips;
  return (
    <div className="min-w-0">
      <H.Root openDelay={250} closeDelay={100}>
        <H.Trigger asChild>
          <button
            type="button"
            className="max-w-full truncate text-left font-medium text-slate-900 underline decoration-slate-400 decoration-dotted underline-offset-4"
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
            <AssetFacts asset={asset} />
          </H.Content>
        </H.Portal>
      </H.Root>
      <p className="font-mono text-xs text-slate-700">
        {firstIp}
        {moreIps.length > 0 ? <span className="text-slate-500"> +{moreIps.length}</span> : null}
      </p>
      <p className="text-xs text-slate-600">{asset.osVersion}</p>
    </div>
  );
}

function AssetFacts({ asset }: { asset: Asset }) {
  const t = useTranslations("proxies.asset");
  const format = useFormatter();
  const unknown = <span className="text-slate-500">{t("unknown")}</span>;
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
        <Fact label={t("agentVersion")}>{asset.agentVersion ?? unknown}</Fact>
        <Fact label={t("agentLastSeen")}>{asset.agentLastSeenAt ? <RelativeTime value={asset.agentLastSeenAt} /> : unknown}</Fact>
      </dl>
    </>
  );
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
