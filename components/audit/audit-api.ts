// Browser calls of the audit log API; every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { AuditEventDto } from "@/lib/audit/list-events";
import { filtersToParams, type AuditFilters } from "./audit-filters";

export type { AuditEventDto };
export type AuditPage = { items: AuditEventDto[]; nextCursor: string | null };

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEvents(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
  const params = filtersToParams(filters);
  params.set("limit", String(AUDIT_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return fetchJson<AuditPage>(`/api/v1/audit-events?${params}`, { signal });
}
