// The audit log (R20): who did what to which object, when, from where, with which outcome.
"use client";
import { clsx } from "clsx";
import { Download, FileSearch, RefreshCw } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { AuditFilterForm } from "./audit-filter-form";
import { filtersFromParams, filtersToParams, type AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { useAuditEvents } from "./use-audit-events";

export function AuditPage({ region }: { region: Region }) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((page) => page.items);
  const filtered = Object.keys(filters).length > 0;

  function apply(next: AuditFilters) {
    const query = filtersToParams(next).toString();
    router.replace(query ? `${pathname}?${query}` : pathname);
  }

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        subtitle={t("audit.subtitle")}
        actions={
          <>
            <a
              href={`/api/v1/audit-events/export?${filtersToParams(filters)}`}
              download
              className={buttonClass("secondary", "sm")}
            >
              <Download aria-hidden className="size-3.5" />
              {filtered ? t("audit.exportFiltered") : t("audit.export")}
            </a>
            <Button size="sm" variant="ghost" onClick={() => void events.refetch()}>
              <RefreshCw
                aria-hidden
                className={clsx("size-3.5", events.isFetching && !events.isFetchingNextPage && "animate-spin")}
              />
              {t("common.refresh")}
            </Button>
          </>
        }
      />
      {/* Remounted when the URL changes (back/forward, clear), so the fields show the applied filters. */}
      <AuditFilterForm key={searchParams.toString()} region={region} filters={filters} onApply={apply} />

      {events.isError && items ? (
        <div className="mb-3">
          <Alert tone="warning">{t("audit.staleWarning")}</Alert>
        </div>
      ) : null}

      {items && items.length > 0 ? (
        <>
          <p className="mb-2 text-xs text-slate-600" aria-live="polite">
            {events.hasNextPage ? t("audit.countMore", { count: items.length }) : t("audit.count", { count: items.length })}
          </p>
          <AuditTable events={items} busy={events.isPlaceholderData} />
          {events.hasNextPage ? (
            <div className="mt-3 flex justify-center">
              <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? <Spinner /> : null}
                {events.isFetchingNextPage ? t("audit.loadingMore") : t("audit.loadMore")}
              </Button>
            </div>
          ) : null}
        </>
      ) : items ? (
        <section
          aria-labelledby="audit-empty"
          className="flex flex-col items-center rounded-md border border-dashed border-slate-300 px-6 py-12 text-center"
        >
          <FileSearch aria-hidden className="size-8 text-slate-400" />
          <h2 id="audit-empty" className="mt-3 text-base font-semibold">
            {filtered ? t("audit.empty.filteredTitle") : t("audit.empty.title")}
          </h2>
          <p className="mt-1 max-w-lg text-slate-600">{filtered ? t("audit.empty.filteredBody") : t("audit.empty.body")}</p>
          {filtered ? (
            <Button className="mt-4" onClick={() => apply({})}>
              {t("audit.filters.clear")}
            </Button>
          ) : null}
        </section>
      ) : events.isError ? (
        <ApiErrorAlert
          error={events.error}
          title={t("audit.loadError")}
          onRetry={() => void events.refetch()}
          retrying={events.isFetching}
        />
      ) : (
        <div className="space-y-2 rounded-md border border-slate-200 p-3" aria-busy="true">
          <p role="status" className="sr-only">
            {t("audit.loading")}
          </p>
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      )}
    </>
  );
}
