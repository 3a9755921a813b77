// Proxy, agent and policy status badges: icon + words, never color alone (R7).
"use client";
import { CircleCheck, CircleDashed, CircleMinus, CircleOff, FileCheck, FileClock, LoaderCircle, Square } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProxyDto } from "./proxy-api";

const STATUS: Record<ProxyDto["status"], { tone: BadgeTone; icon: typeof CircleCheck; spin?: boolean }> = {
  online: { tone: "success", icon: CircleCheck },
  offline: { tone: "muted", icon: CircleMinus },
  deploying: { tone: "info", icon: CircleDashed },
  upgrading: { tone: "warning", icon: LoaderCircle, spin: true },
  stopping: { tone: "warning", icon: Square },
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
      {proxy.status === "stopping" ? <span className="text-xs text-slate-600">{t("statusHint.stopping")}</span> : null}
      {proxy.status === "upgrading" && proxy.targetVersion ? (
        <span className="text-xs text-slate-600">{t("statusHint.upgradingTo", { version: proxy.targetVersion })}</span>
      ) : null}
    </div>
  );
}

export function AgentStatusBadge({ status }: { status: ProxyDto["agentStatus"] }) {
  const t = useTranslations("proxies.agent");
  const Icon = status === "online" ? CircleCheck : status === "not_installed" ? CircleOff : CircleMinus;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={status === "online" ? "success" : "muted"}>
        <Icon aria-hidden className="size-3.5" />
        {t(status)}
      </Badge>
      {status === "not_installed" ? <span className="text-xs text-slate-600">{t("notInstalledHint")}</span> : null}
    </div>
  );
}

export function PolicyBadge({
  proxy,
  clusterPolicy,
}: {
  proxy: Pick<ProxyDto, "policySync" | "status">;
  clusterPolicy: number | null;
}) {
  const t = useTranslations("proxies.policy");
  if (proxy.status === "deploying" || clusterPolicy === null) return <span className="text-slate-500">{t("none")}</span>;
  const sync = proxy.policySync;
  return (
    <div className="flex flex-col items-start gap-0.5" data-testid="policy-sync" data-sync={sync}>
      <Badge tone={sync === "outdated" ? "warning" : "neutral"}>
        {sync === "current" ? <FileCheck aria-hidden className="size-3.5" /> : <FileClock aria-hidden className="size-3.5" />}
        {t(sync)}
      </Badge>
      {sync === "current" ? null : (
        <span className="text-xs text-slate-600">
          {t(sync === "pending" ? "pendingHint" : "outdatedHint", { version: clusterPolicy })}
        </span>
      )}
    </div>
  );
}
