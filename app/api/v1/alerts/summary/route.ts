// GET /api/v1/alerts/summary?region= — the open alerts' count, for the header's bell (issue 14)
import { alertSummary } from "@/lib/alerts/list-alerts";
import { alertSummaryQuerySchema, alertSummaryResponseSchema } from "@/lib/alerts/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "How many alerts of the region are open",
    query: alertSummaryQuerySchema,
    response: alertSummaryResponseSchema,
  },
  ({ query }) => alertSummary(query.region),
);
