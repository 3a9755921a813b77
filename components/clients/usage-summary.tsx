// A cluster's load at a glance: connected clients, capacity use of the online proxies (R13) and
// the bandwidth the clients need on the proxies (R14), against the policy's limit if any (R17).
"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ClusterUsage } from "./client-api";

function Stat({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">{value}</dd>
      {children ? <dd className="mt-1 space-y-1 text-xs text-slate-600">{children}</dd> : null}
    </div>
  );
}

export function UsageSummary({ usage }: { usage: ClusterUsage | undefined }) {
  const t = useTranslations("clients.usage");
  const format = useFormatter();
  if (!usage)
    return (
      <div className="mb-4 grid grid-cols-1 gap-3 md:grid-cols-3" aria-hidden>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
    );
  const n = (value: number) => format.number(value);
  const percent = format.number(usage.capacityUse, { style: "percent", maximumFractionDigits: 1 });
  const bandwidth = usage.bandwidth;
  return (
    <dl className="mb-4 grid grid-cols-1 gap-3 md:grid-cols-3" data-testid="usage-summary">
      <Stat label={t("clients")} value={n(usage.clients)}>
        <p>{t("proxies", { count: usage.onlineProxies })}</p>
      </Stat>
      <Stat
        label={t("capacity")}
        value={
          usage.capacity > 0
            ? t("capacityValue", { used: n(usage.clients), capacity: n(usage.capacity), percent })
            : t("noCapacity")
        }
      >
        <ProgressBar
          label={t("capacity")}
          value={usage.clients}
          max={usage.capacity}
          valueText={t("capacityValue", { used: n(usage.clients), capacity: n(usage.capacity), percent })}
          tone={usage.capacity === 0 || usage.capacityUse >= 1 ? "danger" : usage.capacityWarning ? "warning" : "brand"}
        />
        <p>{usage.capacity === 0 ? t("noCapacityHint") : usage.capacityWarning ? t("capacityWarning") : t("capacityHint")}</p>
      </Stat>
      <Stat label={t("bandwidth")} value={t("kbps", { value: n(usage.requiredKbps) })}>
        <p>{t("bandwidthRule", { clients: n(usage.clients) })}</p>
        {usage.bandwidthLimitKbps && bandwidth ? (
          <p className={bandwidth.ok ? undefined : "font-medium text-red-700"}>
            {t(bandwidth.ok ? "bandwidthLimit" : "bandwidthOver", {
              limit: n(usage.bandwidthLimitKbps),
              allowed: n(bandwidth.allowedKbps),
              minimum: n(bandwidth.minimumKbps),
            })}
          </p>
        ) : (
          <p>{t("bandwidthUnlimited")}</p>
        )}
      </Stat>
    </dl>
  );
}
