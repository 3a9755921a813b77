// GET /api/v1/audit-events/export — the audit log under the current filter as CSV, streamed
import { allAuditEvents } from "@/lib/audit/list-events";
import { auditCsvStream } from "@/lib/audit/export-csv";
import { listAuditEventsQuerySchema } from "@/lib/audit/schemas";
import { csvHeaders } from "@/lib/http/csv-stream";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The audit log under a filter, as CSV",
    query: listAuditEventsQuerySchema,
    media: { type: "text/csv", description: "One line per event, newest first, streamed." },
  },
  async ({ query }) => {
    const pages = allAuditEvents(query);
    const first = await pages.next();
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(auditCsvStream(first, pages), { headers: csvHeaders(`audit-${stamp}.csv`) });
  },
);
