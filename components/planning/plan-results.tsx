// The planner's answer: proxies needed (R13) — for an existing cluster, how many to add to its
// serving proxies; with redundancy, one more so losing the largest still serves all (issue 16) —
// bandwidth to reserve (R14), uplink share against the 60% guidance (R17), and whether the
// contact address must be a domain (R4). Live: polite.
"use client";
import { CircleAlert, CircleCheck } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
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

type Props = {
  input: PlanInput | null;
  /** An existing cluster's serving proxies' capacities (issue 16): the plan says what to add. */
  existingCapacities?: readonly number[];
};

export function PlanResults({ input, existingCapacities }: Props) {
  const t = useTranslations("planning");
  const format = useFormatter();
  const locale = useLocale();
  if (!input)
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("invalid")}
      </p>
    );
  // Japanese sentences follow each other without a space.
  const sentences = (...parts: (string | null)[]) => parts.filter(Boolean).join(locale === "ja" ? "" : " ");
  const result = plan({ ...input, existingCapacities: existingCapacities ?? null });
  const n = (value: number) => format.number(value);
  const existing = result.existing;
  const count = existing ? existing.additionalProxies : result.proxiesNeeded;
  const finite = Number.isFinite(count);
  const perProxy = sentences(
    `${t("perProxy")} ${t("perProxyValue", { count: n(result.perProxyCapacity) })}${locale === "ja" ? "。" : "."}`,
    t("perProxyRule"),
  );
  return (
    <section aria-label={t("results")} aria-live="polite" data-testid="plan-results" className="space-y-2">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {existing ? (
          <Result label={t("toAdd")} value={finite ? t("toAddValue", { count }) : t("proxiesNone")}>
            {sentences(
              finite
                ? t("toAddBody", { proxies: existing.proxies, capacity: n(existing.capacity), total: existing.totalProxies })
                : null,
              result.redundancy && finite && input.servers > 0 ? t("toAddRedundant") : null,
              perProxy,
            )}
          </Result>
        ) : (
          <Result label={t("proxiesNeeded")} value={finite ? t("proxiesNeededValue", { count }) : t("proxiesNone")}>
            {sentences(
              result.redundancy && finite && result.proxiesNeeded > 0
                ? t("proxiesNeededRedundant", { load: result.loadProxies })
                : null,
              perProxy,
            )}
          </Result>
        )}
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
      ) : (existing ? existing.totalProxies : result.proxiesNeeded) === 1 ? (
        <p className="flex gap-1.5 text-sm text-slate-700">
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-green-700" />
          {t("ipEnough")}
        </p>
      ) : null}
    </section>
  );
}
