"use client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { listAuditEvents } from "./audit-api";
import type { AuditFilters } from "./audit-filters";
import { auditKeys } from "./query-keys";

/** Newest first; "Load more" follows the server's cursor. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
