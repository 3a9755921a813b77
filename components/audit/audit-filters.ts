// The audit log's filters live in the URL (?actor=&action=&...), so a view can be shared and
// survives reloads. Values are checked with the API's own query schema; invalid ones are dropped.
import { listAuditEventsQuerySchema } from "@/lib/audit/schemas";

export const FILTER_KEYS = ["actor", "action", "targetType", "outcome", "region", "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<FilterKey, string>>;

const fieldSchemas = listAuditEventsQuerySchema.shape;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)?.trim();
    if (raw && fieldSchemas[key].safeParse(raw).success) filters[key] = raw;
  }
  return filters;
}

export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The times are UTC, as shown in the table: "2026-11-27T14:05" ↔ "2026-11-27T14:05:00.000Z". */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function isoToLocalInput(iso: string | undefined): string {
  return iso ? iso.slice(0, 16) : "";
}
