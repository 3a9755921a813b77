// Search and pages of the quick-deploy candidates: server-side search (hostname or IP), an
// "eligible only" filter, keyset "load more" so a region of 20,000 servers stays fast.
"use client";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { CandidateTable } from "./candidate-table";
import type { CandidateAsset } from "./proxy-api";
import { useCandidates } from "./use-candidates";

const DEBOUNCE_MS = 300;

type Props = {
  region: Region;
  caption: string;
  clusterId: string;
  selected: ReadonlyMap<string, string>;
  canAddMore: boolean;
  onToggle: (asset: CandidateAsset, on: boolean) => void;
};

export function CandidateList({ region, caption, clusterId, selected, canAddMore, onToggle }: Props) {
  const t = useTranslations("deployProxy");
  const searchId = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const candidates = useCandidates({ region, q, eligibleOnly }, true);
  const items = candidates.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-4">
        <form role="search" onSubmit={(e) => e.preventDefault()} className="relative w-96 max-w-full">
          <label htmlFor={searchId} className="sr-only">
            {t("search.label")}
          </label>
          <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" />
          <Input
            id={searchId}
            type="search"
            value={text}
            maxLength={255}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("search.placeholder")}
            className="pl-8"
          />
        </form>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={eligibleOnly}
            onChange={(e) => setEligibleOnly(e.target.checked)}
          />
          {t("eligibleOnly")}
        </label>
        {candidates.isFetching && !candidates.isFetchingNextPage ? <Spinner className="text-slate-500" /> : null}
      </div>

      {candidates.isError && items.length === 0 ? (
        <ApiErrorAlert
          error={candidates.error}
          title={t("loadError")}
          onRetry={() => void candidates.refetch()}
          retrying={candidates.isFetching}
        />
      ) : !candidates.data ? (
        <div role="status" aria-label={t("loading")} className="space-y-2">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-slate-600">
          {q ? t("noMatch", { q }) : t("noServers")}
        </p>
      ) : (
        <>
          <CandidateTable
            caption={caption}
            clusterId={clusterId}
            items={items}
            selected={selected}
            canAddMore={canAddMore}
            onToggle={onToggle}
          />
          <div className="flex items-center gap-3">
            <p className="text-xs text-slate-600">{t("shown", { count: items.length })}</p>
            {candidates.hasNextPage ? (
              <Button size="sm" onClick={() => void candidates.fetchNextPage()} disabled={candidates.isFetchingNextPage}>
                {candidates.isFetchingNextPage ? <Spinner /> : null}
                {candidates.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
