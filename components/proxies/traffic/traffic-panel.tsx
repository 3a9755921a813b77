// "Traffic, last hour" (SPEC §8): what really went upstream through the cluster's proxies, against
// the policy (R17), or in cache mode how full each proxy's cache is (R18), with any data a proxy
// had to drop. On the cluster page and the server basic info page; polled every 15 s.
"use client";
import { Activity } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { ClusterTraffic } from "../proxy-api";
import { DroppedNote } from "../relay-cells";
import { CacheFill } from "./cache-fill";
import { TrafficChart } from "./traffic-chart";
import { DIRECT_ID, peakOf } from "./traffic-series";
import { TrafficTable } from "./traffic-table";
import { useTraffic } from "./use-traffic";

export function TrafficPanel({ clusterId }: { clusterId: string }) {
  const t = useTranslations("traffic");
  const headingId = useId();
  const traffic = useTraffic(clusterId);
  const data = traffic.data;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
          <Activity aria-hidden className="size-4 text-slate-500" />
          {t("title")}
        </h2>
        {data ? <PolicyLine traffic={data} /> : null}
      </div>
      {traffic.isError && data ? <Alert tone="warning">{t("stale")}</Alert> : null}
      {data ? (
        <TrafficBody traffic={data} />
      ) : traffic.isError ? (
        <ApiErrorAlert
          error={traffic.error}
          title={t("loadError")}
          onRetry={() => void traffic.refetch()}
          retrying={traffic.isFetching}
        />
      ) : (
        <Skeleton className="h-64 w-full" />
      )}
    </section>
  );
}

function PolicyLine({ traffic }: { traffic: ClusterTraffic }) {
  const t = useTranslations("traffic");
  const format = useFormatter();
  const kbps = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const text =
    traffic.mode === "cache"
      ? t("cacheMode")
      : traffic.bandwidthLimitKbps === null
        ? t("noLimit")
        : t("limit", { limit: kbps(traffic.bandwidthLimitKbps), warn: kbps(traffic.warnAtKbps ?? 0) });
  return (
    <p className="text-xs text-slate-600" data-testid="traffic-policy">
      {text}
    </p>
  );
}

function TrafficBody({ traffic }: { traffic: ClusterTraffic }) {
  const t = useTranslations("traffic");
  const format = useFormatter();
  const names = new Map(traffic.proxies.map((p) => [p.id, p.hostname]));
  const nameOf = (id: string) => names.get(id) ?? (id === DIRECT_ID ? t("direct") : t("deletedProxy"));
  const kbps = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const peak = peakOf(traffic);
  const summary =
    peak.proxyId === null
      ? t("summaryEmpty")
      : t(traffic.mode === "cache" ? "summaryCache" : traffic.bandwidthLimitKbps === null ? "summaryUnlimited" : "summary", {
          peak: kbps(peak.kbps),
          name: nameOf(peak.proxyId),
          time: format.dateTime(new Date(peak.at!), { hour: "2-digit", minute: "2-digit" }),
          limit: kbps(traffic.bandwidthLimitKbps ?? 0),
        });
  const chart = (
    <div className="space-y-2">
      <TrafficChart traffic={traffic} summary={summary} nameOf={nameOf} />
      <p className="text-xs text-slate-600">{summary}</p>
      <TrafficTable traffic={traffic} nameOf={nameOf} />
    </div>
  );
  return (
    <div className="space-y-3">
      {traffic.mode === "cache" ? (
        <>
          <CacheFill traffic={traffic} />
          {traffic.points.length > 0 ? chart : null}
        </>
      ) : traffic.points.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center" data-testid="traffic-empty">
          <p className="text-sm font-medium text-slate-800">{t("empty.title")}</p>
          <p className="mx-auto mt-1 max-w-xl text-xs text-slate-600">{t("empty.hint")}</p>
        </div>
      ) : (
        chart
      )}
      <DroppedNote proxies={traffic.proxies} />
    </div>
  );
}
