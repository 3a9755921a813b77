// R14/R17 live: the clients' need (10 Kbit/s each) against 60% of the custom bandwidth, as the
// user types — a meter with the 60% line and the numbers in a sentence.
"use client";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { BANDWIDTH_SHARE_LIMIT, headroom } from "@/lib/policy/headroom";
import { KBPS_PER_CLIENT, requiredBandwidthKbps } from "@/lib/proxies/capacity";

type Props = {
  clients: number;
  /** Custom bandwidth chosen: without a valid number yet there is a line, just nothing to check it against. */
  custom: boolean;
  /** null: unlimited, or not a valid number yet. */
  bandwidthKbps: number | null;
};

export function HeadroomMeter({ clients, custom, bandwidthKbps }: Props) {
  const t = useTranslations("policy.headroom");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const requiredKbps = requiredBandwidthKbps(clients);
  const need = t("need", { count: clients, perClient: n(KBPS_PER_CLIENT), required: n(requiredKbps) });

  if (bandwidthKbps === null) {
    return (
      <div className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700" data-testid="headroom">
        <p>{need}</p>
        <p className="mt-0.5">{t(custom ? "enterLimit" : "unlimited")}</p>
      </div>
    );
  }

  const h = headroom(clients, bandwidthKbps);
  const share = bandwidthKbps > 0 ? requiredKbps / bandwidthKbps : 1;
  const percent = Math.round(share * 1000) / 10;
  const line = BANDWIDTH_SHARE_LIMIT * 100;
  const values = {
    required: n(requiredKbps),
    limit: n(bandwidthKbps),
    allowed: n(h.allowedKbps),
    headroom: n(h.allowedKbps - requiredKbps),
    over: n(requiredKbps - h.allowedKbps),
    minimum: n(h.minimumKbps),
    percent: n(percent),
    line: n(line),
  };
  return (
    <div
      className={clsx(
        "space-y-2 rounded border px-3 py-2 text-xs",
        h.ok ? "border-green-200 bg-green-50 text-green-950" : "border-red-200 bg-red-50 text-red-950",
      )}
      data-testid="headroom"
    >
      <p>{need}</p>
      <div
        role="meter"
        aria-label={t("meterLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, percent)}
        aria-valuetext={t("meterText", values)}
        className="relative h-2.5 overflow-visible rounded-full bg-white ring-1 ring-slate-300"
      >
        <div
          className={clsx("h-full rounded-full", h.ok ? "bg-green-600" : "bg-red-600")}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
        <div aria-hidden className="absolute -top-1 -bottom-1 w-0.5 bg-slate-800" style={{ left: `${line}%` }} />
      </div>
      <div aria-hidden className="relative h-3 text-[11px] text-slate-700">
        <span className="absolute -translate-x-1/2" style={{ left: `${line}%` }}>
          {t("lineLabel", { line: values.line })}
        </span>
      </div>
      <p aria-live="polite" className="font-medium">
        {h.ok ? t("within", values) : t("over", values)}
      </p>
    </div>
  );
}
