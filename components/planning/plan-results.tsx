// The planner's answer: proxies needed (R13) — for an existing cluster, how many to add to its
// serving proxies; with redundancy, one more so losing the largest still serves all (issue 16) —
// bandwidth to reserve (R14), uplink share against the 60% guidance (R17), and whether the
// contact address must be a domain (R4). Live: polite.
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

/** One sentence of a result's explanation, on its own line: no joining of translated strings. */
function Sentence({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span className="block" data-testid={testId}>
      {children}
    </span>
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
  if (!input)
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("invalid")}
      </p>
    );
  const result = plan({ ...input, existingCapacities: existingCapacities ?? null });
  // Issue 13 point 20: the minimum has no spare, so the N+1 figure is shown beside it when not chosen.
  const spare = result.redundancy ? null : plan({ ...input, existingCapacities: existingCapacities ?? null, redundancy: true });
  const n = (value: number) => format.number(value);
  const existing = result.existing;
  const count = existing ? existing.additionalProxies : result.proxiesNeeded;
  const finite = Number.isFinite(count);
  const spareCount = spare ? (spare.existing ? spare.existing.additionalProxies : spare.proxiesNeeded) : null;
  const spareLine =
    spareCount !== null && Number.isFinite(spareCount) && input.servers > 0 && spareCount !== count ? (
      <Sentence testId="plan-spare">{t(existing ? "toAddSpare" : "proxiesNeededSpare", { count: spareCount })}</Sentence>
    ) : null;
  const perProxy = <Sentence>{t("perProxyLine", { count: n(result.perProxyCapacity) })}</Sentence>;
  return (
    <section aria-label={t("results")} aria-live="polite" data-testid="plan-results" className="space-y-2">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {existing ? (
          <Result label={t("toAdd")} value={finite ? t("toAddValue", { count }) : t("proxiesNone")}>
            {finite ? (
              <Sentence>
                {t("toAddBody", { proxies: existing.proxies, capacity: n(existing.capacity), total: existing.totalProxies })}
              </Sentence>
            ) : null}
            {result.redundancy && finite && input.servers > 0 ? <Sentence>{t("toAddRedundant")}</Sentence> : null}
            {spareLine}
            {perProxy}
          </Result>
        ) : (
          <Result label={t("proxiesNeeded")} value={finite ? t("proxiesNeededValue", { count }) : t("proxiesNone")}>
            {result.redundancy && finite && result.proxiesNeeded > 0 ? (
              <Sentence>{t("proxiesNeededRedundant", { load: result.loadProxies })}</Sentence>
            ) : null}
            {spareLine}
            {perProxy}
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
