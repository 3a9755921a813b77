// GET /api/v1/alert-rules — the rules with thresholds and defaults; PUT — an admin changes them (issue 14)
import { listAlertRules, updateAlertRules } from "@/lib/alerts/list-alerts";
import { alertRulesResponseSchema, updateAlertRulesSchema } from "@/lib/alerts/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", summary: "The alert rules, their thresholds and defaults", response: alertRulesResponseSchema },
  async () => ({ items: await listAlertRules() }),
);

export const PUT = route(
  {
    role: "admin",
    summary: "Change alert rules (enabled, threshold)",
    body: updateAlertRulesSchema,
    response: alertRulesResponseSchema,
  },
  async ({ ctx, body }) => ({ items: await updateAlertRules(ctx, body) }),
);
