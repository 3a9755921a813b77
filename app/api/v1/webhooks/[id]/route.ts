// PATCH /api/v1/webhooks/{id} — rename, new URL, enable/disable, new or rotated secret; DELETE (issue 14)
import { idParamsSchema, updateWebhookSchema, webhookWithSecretResponseSchema } from "@/lib/alerts/schemas";
import { deleteWebhook, updateWebhook } from "@/lib/alerts/webhooks";
import { route } from "@/lib/http/route";

export const PATCH = route(
  {
    role: "admin",
    summary: "Change a webhook destination",
    description: "`secret` is set only when this change made a new one (rotate or given).",
    params: idParamsSchema,
    body: updateWebhookSchema,
    response: webhookWithSecretResponseSchema,
    errors: ["NOT_FOUND", "NAME_TAKEN"],
  },
  ({ ctx, params, body }) => updateWebhook(ctx, params.id, body),
);

export const DELETE = route(
  { role: "admin", summary: "Delete a webhook destination", params: idParamsSchema, errors: ["NOT_FOUND"] },
  ({ ctx, params }) => deleteWebhook(ctx, params.id),
);
