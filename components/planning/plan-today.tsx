// The planner's "today" (issue 16): whether the cluster still serves all its clients after losing
// its largest proxy (N+1), and what each proxy holds against its capacity (R13), over capacity
// flagged in words.
"use client";
import { TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { ClusterUsage } from "@/components/clients/client-api";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { isServing } from "@/lib/proxies/status";

export function RedundancyToday({ usage }: { usage: ClusterUsage }) {
  const t = useTranslations("planning.page");
  const format = useFormatter();
  if (usage.clients === 0 || usage.onlineProxies === 0) return null;
  if (usage.onlineProxies === 1) return <li className="text-amber-800">{t("nPlusOneSingle")}</li>;
  const values = {
    largest: format.number(usage.largestProxyCapacity),
    rest: format.number(usage.capacityWithoutLargest),
    clients: format.number(usage.clients),
  };
  return usage.survivesLargestLoss ? (
    <li>{t("nPlusOneOk", values)}</li>
  ) : (
    <li className="font-medium text-amber-800">{t("nPlusOneShort", values)}</li>
  );
}

export function ProxyLoads({ proxies }: { proxies: ProxyDto[] }) {
  const t = useTranslations("planning.page");
  const format = useFormatter();
  const serving = proxies.filter((p) => isServing(p.status));
  if (serving.length === 0) return null;
  return (
    <div className="mt-2">
      <h3 className="text-xs font-medium text-slate-600">{t("proxyLoadsTitle")}</h3>
      <ul className="mt-0.5 space-y-0.5 text-slate-700" data-testid="plan-proxy-loads">
        {serving.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-x-2">
            <span className="font-medium [overflow-wrap:anywhere] text-slate-900">{p.asset.hostname}</span>
            <span className="tabular-nums">
              {p.capacity > 0
                ? t("proxyLoad", { held: format.number(p.heldClients), capacity: format.number(p.capacity) })
                : t("proxyLoadUnknown", { held: format.number(p.heldClients) })}
            </span>
            {p.overCapacity ? (
              <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-800">
                <TriangleAlert aria-hidden className="size-3.5" />
                {t("proxyOverCapacity")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
