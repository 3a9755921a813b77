// Proxy, agent and policy status badges: icon + words, never color alone (R7).
"use client";
import { CircleCheck, CircleDashed, CircleMinus, FileCheck, FileClock, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProxyDto } from "./proxy-api";

const STATUS: Record<ProxyDto["status"], { tone: BadgeTone; icon: typeof CircleCheck; spin?: boolean }> = {
  online: { tone: "success", icon: CircleCheck },
  offline: { tone: "muted", icon: CircleMinus },
  deploying: { tone: "info", icon: CircleDashed },
  upgrading: { tone: "warning", icon: LoaderCircle, spin: true },
};

export function ProxyStatusBadge({ proxy }: { proxy: Pick<ProxyDto, "status" | "targetVersion"> }) {
  const t = useTranslations("proxies");
  const { tone, icon: Icon, spin } = STATUS[proxy.status];
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={tone}>
        <Icon aria-hidden className={spin ? "size-3.5 animate-spin" : "size-3.5"} />
        {t(`status.${proxy.status}`)}
      </Badge>
      {proxy.status === "deploying" ? <span className="text-xs text-slate-600">{t("statusHint.deploying")}</span> : null}
      {proxy.status === "upgrading" && proxy.targetVersion ? (
        <span className="text-xs text-slate-600">{t("statusHint.upgradingTo", { version: proxy.targetVersion })}</span>
      ) : null}
    </div>
  );
}

export function AgentStatusBadge({ status }: { status: ProxyDto["agentStatus"] }) {
  const t = useTranslations("proxies.agent");
  const online = status === "online";
  return (
    <Badge tone={online ? "success" : "muted"}>
      {online ? <CircleCheck aria-hidden className="size-3.5" /> : <CircleMinus aria-hidden className="size-3.5" />}
      {t(status)}
    </Badge>
  );
}

export function PolicyBadge({
  proxy,
  clusterPolicy,
}: {
  proxy: Pick<ProxyDto, "policyCurrent" | "status">;
  clusterPolicy: number | null;
}) {
  const t = useTranslations("proxies.policy");
  if (proxy.status === "deploying" || clusterPolicy === null) return <span className="text-slate-500">{t("none")}</span>;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={proxy.policyCurrent ? "neutral" : "warning"}>
        {proxy.policyCurrent ? <FileCheck aria-hidden className="size-3.5" /> : <FileClock aria-hidden className="size-3.5" />}
        {t(proxy.policyCurrent ? "current" : "outdated")}
      </Badge>
      {proxy.policyCurrent ? null : (
        <span className="text-xs text-slate-600">{t("outdatedHint", { version: clusterPolicy })}</span>
      )}
    </div>
  );
}
