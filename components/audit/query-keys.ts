// The one query-key factory of the audit log.
import type { AuditFilters } from "./audit-filters";

export const auditKeys = {
  all: ["audit-events"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};
