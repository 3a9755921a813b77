// The one query-key factory of the audit log.
import type { AuditFilters } from "./audit-filters";

export const auditKeys = {
  all: ["audit-events"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
  /** A cluster's latest events, on its detail page. */
  recentForCluster: (clusterId: string) => [...auditKeys.all, "cluster", clusterId] as const,
};
