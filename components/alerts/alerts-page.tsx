// The region's alerts (issue 14): open, resolved or all, newest first, each with its numbers in
// words and a link to what it is about.
"use client";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import type { Region } from "@/lib/clusters/schemas";
import { AlertDescription } from "./alert-text";
import { useAlerts, type AlertState } from "./alerts-api";

const STATES: AlertState[] = ["open", "resolved", "all"];

export function AlertsPage({ region }: { region: Region }) {
  const t = useTranslations();
  const format = useFormatter();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = STATES.find((s) => s === params.get("state")) ?? "open";
  const alerts = useAlerts(region, state);
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });

  const columns = [
    { key: "state", label: t("alerts.columns.state") },
    { key: "alert", label: t("alerts.columns.alert"), className: "min-w-72" },
    { key: "subject", label: t("alerts.columns.subject") },
    { key: "opened", label: t("alerts.columns.opened"), sorted: "descending" as const },
    { key: "resolved", label: t("alerts.columns.resolved") },
  ];

  return (
    <>
      <PageHeader title={t("alerts.title")} subtitle={t("alerts.subtitle")} />
      <div className="mb-3">
        <div
          role="group"
          aria-label={t("alerts.filter.label")}
          className="inline-flex rounded border border-slate-300 bg-white p-0.5"
        >
          {STATES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={state === s}
              onClick={() => router.replace(s === "open" ? pathname : `${pathname}?state=${s}`)}
              className={clsx(
                "h-7 rounded px-2.5 text-xs font-medium",
                state === s ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(`alerts.filter.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {alerts.isError && !alerts.data ? (
        <ApiErrorAlert
          error={alerts.error}
          title={t("alerts.loadError")}
          onRetry={() => void alerts.refetch()}
          retrying={alerts.isFetching}
        />
      ) : !alerts.data ? (
        <div role="status" aria-label={t("alerts.loading")} className="space-y-2 rounded-md border border-slate-200 p-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
          {t(`alerts.empty.${state}`)}
        </p>
      ) : (
        <>
          <TableFrame
            caption={t("alerts.tableCaption", { region: t(`shell.regions.${region}`) })}
            columns={columns}
            minWidth="min-w-[56rem]"
          >
            {items.map((alert) => (
              <tr key={alert.id} className={ROW_CLASS} data-alert-kind={alert.kind}>
                <td className={CELL_CLASS}>
                  <Badge tone={alert.resolvedAt ? "muted" : "warning"}>
                    {t(`alerts.state.${alert.resolvedAt ? "resolved" : "open"}`)}
                  </Badge>
                </td>
                <th scope="row" className={`${CELL_CLASS} text-left font-normal`}>
                  <span className="block font-medium text-slate-900">{t(`alerts.kinds.${alert.kind}`)}</span>
                  <span className="block text-slate-700">
                    <AlertDescription alert={alert} />
                  </span>
                </th>
                <td className={`${CELL_CLASS} [overflow-wrap:anywhere]`}>
                  <Link href={alert.link} className="text-brand-700 underline-offset-2 hover:underline">
                    {alert.subject.name}
                    <span className="sr-only">
                      {" "}
                      — {t(`alerts.subjectLink.${alert.subject.type}`, { name: alert.subject.name })}
                    </span>
                  </Link>
                </td>
                <td className={`${CELL_CLASS} whitespace-nowrap text-slate-700`}>
                  <time dateTime={alert.openedAt}>{when(alert.openedAt)}</time>
                </td>
                <td className={`${CELL_CLASS} whitespace-nowrap text-slate-700`}>
                  {alert.resolvedAt ? <time dateTime={alert.resolvedAt}>{when(alert.resolvedAt)}</time> : t("alerts.stillOpen")}
                </td>
              </tr>
            ))}
          </TableFrame>
          {alerts.hasNextPage ? (
            <div className="mt-3">
              <Button onClick={() => void alerts.fetchNextPage()} disabled={alerts.isFetchingNextPage}>
                {alerts.isFetchingNextPage ? <Spinner /> : null}
                {t("alerts.more")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
