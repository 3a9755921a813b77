// Cache mode (R18): each proxy's cache against the policy's cap; amber from 80 %, red from 90 %,
// where the oldest logs are about to be overwritten.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useFormatBytes } from "@/components/ui/use-format-bytes";
import type { ClusterTraffic } from "../proxy-api";

export function CacheFill({ traffic }: { traffic: ClusterTraffic }) {
  const t = useTranslations("traffic.cache");
  const format = useFormatter();
  const bytes = useFormatBytes();
  const max = traffic.cacheMaxBytes;
  if (traffic.proxies.length === 0) return <p className="text-sm text-slate-600">{t("noProxies")}</p>;
  return (
    <ul className="space-y-3" aria-label={t("label")}>
      {traffic.proxies.map((proxy) => {
        const share = max > 0 ? proxy.cacheBytes / max : 0;
        const percent = format.number(share, { style: "percent", maximumFractionDigits: 1 });
        const value = t("value", { used: bytes(proxy.cacheBytes), max: bytes(max), percent });
        const tone = share >= 0.9 ? "danger" : share >= 0.8 ? "warning" : "brand";
        return (
          <li key={proxy.id} className="space-y-1" data-testid="cache-fill">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium [overflow-wrap:anywhere] text-slate-900">{proxy.hostname}</span>
              <span
                className={
                  tone === "danger"
                    ? "font-medium text-red-700"
                    : tone === "warning"
                      ? "font-medium text-amber-800"
                      : "text-slate-700"
                }
              >
                {value}
              </span>
            </div>
            <ProgressBar
              label={t("barLabel", { name: proxy.hostname })}
              value={proxy.cacheBytes}
              max={max}
              valueText={value}
              tone={tone}
            />
            {tone !== "brand" ? <p className="text-xs text-slate-600">{t("nearlyFull")}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
