// The planner's answer: proxies needed (R13), bandwidth to reserve (R14), uplink share against
// the 60% guidance (R17), and whether the contact address must be a domain (R4). Live: polite.
"use client";
import { CircleAlert, CircleCheck } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { plan, type PlanInput } from "@/lib/planning/plan";

function Result({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">{value}</dd>
      {children ? <dd className="mt-1 text-xs text-slate-600">{children}</dd> : null}
    </div>
  );
}

export function PlanResults({ input }: { input: PlanInput | null }) {
  const t = useTranslations("planning");
  const format = useFormatter();
  if (!input)
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("invalid")}
      </p>
    );
  const result = plan(input);
  const n = (value: number) => format.number(value);
  const finite = Number.isFinite(result.proxiesNeeded);
  return (
    <section aria-label={t("results")} aria-live="polite" data-testid="plan-results" className="space-y-2">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Result
          label={t("proxiesNeeded")}
          value={finite ? t("proxiesNeededValue", { count: result.proxiesNeeded }) : t("proxiesNone")}
        >
          {t("perProxy")} {t("perProxyValue", { count: n(result.perProxyCapacity) })}. {t("perProxyRule")}
        </Result>
        <Result label={t("bandwidth")} value={t("kbps", { value: n(result.bandwidthKbps) })}>
          {t("bandwidthRule")}
        </Result>
        <Result
          label={t("uplinkShare")}
          value={
            result.uplinkShare === null ? "—" : format.number(result.uplinkShare, { style: "percent", maximumFractionDigits: 1 })
          }
        >
          {result.withinBandwidthGuidance === null ? (
            t("uplinkUnknown", { minimum: n(result.minimumUplinkKbps) })
          ) : result.withinBandwidthGuidance ? (
            t("uplinkWithin")
          ) : (
            <span className="font-medium text-red-700">{t("uplinkOver", { minimum: n(result.minimumUplinkKbps) })}</span>
          )}
        </Result>
      </dl>
      {result.domainRequired ? (
        <p className="flex gap-1.5 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t("domainRequired")}
        </p>
      ) : result.proxiesNeeded === 1 ? (
        <p className="flex gap-1.5 text-sm text-slate-700">
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-green-700" />
          {t("ipEnough")}
        </p>
      ) : null}
    </section>
  );
}
