// The three numbers that decide a connection: the selection against 500 per batch (R12), the
// capacity left on the online proxies (R13), and when the next batch is allowed (R12, live).
"use client";
import { Timer } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { BatchWindow, ClusterUsage } from "../client-api";

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <dt className="text-xs text-slate-600">{label}</dt>
      {children}
    </div>
  );
}

/** 75 → "1:15"; the unit words come from the catalog around it. */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

type Props = {
  selected: number;
  batchSize: number;
  usage: ClusterUsage | undefined;
  window: BatchWindow | undefined;
  remaining: number | null;
};

export function SelectionStats({ selected, batchSize, usage, window, remaining }: Props) {
  const t = useTranslations("clientAccess.stats");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const left = usage ? Math.max(0, usage.capacity - usage.clients) : null;
  return (
    <dl className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <Stat label={t("selection")}>
        <dd className="text-base font-semibold text-slate-900 tabular-nums" data-testid="selection-count">
          {t("selectedOfBatch", { count: selected, batch: n(batchSize) })}
        </dd>
        <dd>
          <ProgressBar
            label={t("selection")}
            value={selected}
            max={batchSize}
            valueText={t("selectedOfBatch", { count: selected, batch: n(batchSize) })}
            tone={selected > batchSize ? "warning" : "brand"}
          />
        </dd>
      </Stat>
      <Stat label={t("capacityLeft")}>
        <dd className="text-base font-semibold text-slate-900 tabular-nums">
          {left === null || !usage ? "…" : t("capacityLeftValue", { left: n(left), capacity: n(usage.capacity) })}
        </dd>
        {usage ? (
          <dd className={selected > (left ?? 0) ? "text-xs font-medium text-red-700" : "text-xs text-slate-600"}>
            {usage.capacity === 0
              ? t("noProxies")
              : selected > (left ?? 0)
                ? t("capacityShort", { short: n(selected - (left ?? 0)) })
                : t("capacityAfter", { left: n((left ?? 0) - selected), proxies: usage.onlineProxies })}
          </dd>
        ) : null}
      </Stat>
      <Stat label={t("nextBatch")}>
        <dd className="flex items-center gap-1.5 text-base font-semibold text-slate-900 tabular-nums">
          <Timer aria-hidden className="size-4 text-slate-500" />
          {remaining === null ? (
            "…"
          ) : remaining > 0 ? (
            <span role="timer" data-testid="batch-countdown">
              {t("allowedIn", { time: clock(remaining) })}
            </span>
          ) : (
            <span data-testid="batch-countdown">{t("allowedNow")}</span>
          )}
        </dd>
        <dd className="text-xs text-slate-600">{t("intervalRule", { seconds: window?.intervalSeconds ?? 60 })}</dd>
        {window?.lastBatch ? (
          <dd className="text-xs text-slate-600">
            {t("lastBatch", {
              count: window.lastBatch.size,
              source: window.lastBatch.source,
              when: format.dateTime(new Date(window.lastBatch.createdAt), { timeStyle: "medium" }),
            })}
          </dd>
        ) : null}
      </Stat>
    </dl>
  );
}
