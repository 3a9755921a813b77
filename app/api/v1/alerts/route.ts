// GET /api/v1/alerts?region=&state=open|resolved|all&cursor= — the region's alerts, newest first (issue 14)
import { listAlerts } from "@/lib/alerts/list-alerts";
import { alertListResponseSchema, listAlertsQuerySchema } from "@/lib/alerts/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The region's alerts, newest first",
    description: "Keyset-paginated: pass the answer's nextCursor as cursor.",
    query: listAlertsQuerySchema,
    response: alertListResponseSchema,
  },
  ({ query }) => listAlerts(query),
);
