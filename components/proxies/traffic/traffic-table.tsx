// The chart's numbers as a table, behind "Show as table": every minute in which a proxy sent data.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useFormatBytes } from "@/components/ui/use-format-bytes";
import type { ClusterTraffic } from "../proxy-api";

type Props = { traffic: ClusterTraffic; nameOf: (id: string) => string };

export function TrafficTable({ traffic, nameOf }: Props) {
  const t = useTranslations("traffic.table");
  const format = useFormatter();
  const bytes = useFormatBytes();
  const points = [...traffic.points].sort((a, b) => b.minute.localeCompare(a.minute));
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer text-brand-700 underline-offset-2 hover:underline">{t("show")}</summary>
      <div className="mt-2 max-h-72 overflow-auto rounded-md border border-slate-200">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                {t("minute")}
              </th>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                {t("proxy")}
              </th>
              <th scope="col" className="px-3 py-1.5 text-right font-medium">
                {t("kbps")}
              </th>
              <th scope="col" className="px-3 py-1.5 text-right font-medium">
                {t("bytes")}
              </th>
              <th scope="col" className="px-3 py-1.5 text-right font-medium">
                {t("records")}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.proxyId}-${p.minute}`} className="border-b border-slate-200 bg-white last:border-b-0">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap tabular-nums">
                  <time dateTime={p.minute}>{format.dateTime(new Date(p.minute), { hour: "2-digit", minute: "2-digit" })}</time>
                </th>
                <td className="px-3 py-1.5 [overflow-wrap:anywhere]">{nameOf(p.proxyId)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{format.number(p.kbps, { maximumFractionDigits: 2 })}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{bytes(p.bytes)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{format.number(p.records)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
