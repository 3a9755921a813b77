// GET /api/v1/audit-events — the audit log (R20) with filters and cursor pagination
import { listAuditEvents } from "@/lib/audit/list-events";
import { listAuditEventsQuerySchema } from "@/lib/audit/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", query: listAuditEventsQuerySchema }, ({ query }) => listAuditEvents(query));
