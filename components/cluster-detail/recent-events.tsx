// The cluster's recent audit events (R20) on its detail page: newest first, translated actions.
"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AuditEventDto } from "@/components/audit/audit-api";
import { auditKeys } from "@/components/audit/query-keys";
import { useAuditLabels } from "@/components/audit/use-audit-labels";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { Region } from "@/lib/clusters/schemas";

function listClusterEvents(clusterId: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ targetType: "cluster", targetId: clusterId, limit: "20" });
  return fetchJson<{ items: AuditEventDto[] }>(`/api/v1/audit-events?${params}`, { signal });
}

export function RecentEvents({ region, clusterId }: { region: Region; clusterId: string }) {
  const t = useTranslations("clusterDetail");
  const outcomes = useTranslations("audit.outcomes");
  const labels = useAuditLabels();
  const events = useQuery({
    queryKey: auditKeys.recentForCluster(clusterId),
    queryFn: ({ signal }) => listClusterEvents(clusterId, signal),
    refetchInterval: 15_000,
  });
  return (
    <section aria-labelledby="recent-events" className="space-y-2">
      <div className="flex items-baseline gap-3">
        <h2 id="recent-events" className="text-sm font-semibold text-slate-900">
          {t("audit")}
        </h2>
        <Link href={`/${region}/audit?targetType=cluster`} className="text-xs text-brand-700 underline underline-offset-2">
          {t("auditAll")}
        </Link>
      </div>
      {events.isError && !events.data ? (
        <Alert tone="warning">{t("auditError")}</Alert>
      ) : !events.data ? (
        <Skeleton className="h-24 w-full" />
      ) : events.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("auditEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
          {events.data.items.map((event) => (
            <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <RelativeTime value={event.at} className="w-28 shrink-0 text-xs text-slate-600" />
              <span className="font-medium text-slate-900">{labels.action(event.action)}</span>
              <span className="text-slate-600">{event.actor.name}</span>
              {event.outcome !== "success" ? <Badge tone="warning">{outcomes("failure")}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
