// GET /api/v1/audit-events — the audit log (R20) with filters and cursor pagination
import { listAuditEvents } from "@/lib/audit/list-events";
import { auditPageSchema } from "@/lib/audit/responses";
import { listAuditEventsQuerySchema } from "@/lib/audit/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The audit log, newest first",
    description: "Every change, refused change and sign-in. Keyset-paginated: pass nextCursor as cursor.",
    query: listAuditEventsQuerySchema,
    response: auditPageSchema,
  },
  ({ query }) => listAuditEvents(query),
);
