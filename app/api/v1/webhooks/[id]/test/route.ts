// POST /api/v1/webhooks/{id}/test — send a signed test event now and report the receiver's answer (issue 14)
import { idParamsSchema, webhookTestResponseSchema } from "@/lib/alerts/schemas";
import { testWebhook } from "@/lib/alerts/webhooks";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    role: "admin",
    summary: "Send a signed test event to a webhook destination",
    params: idParamsSchema,
    response: webhookTestResponseSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params }) => testWebhook(ctx, params.id),
);
