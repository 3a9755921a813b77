// GET /api/v1/webhooks — webhook destinations; POST — an admin adds one (the secret is shown once) (issue 14)
import { createWebhookSchema, webhookListResponseSchema, webhookWithSecretResponseSchema } from "@/lib/alerts/schemas";
import { createWebhook, listWebhooks } from "@/lib/alerts/webhooks";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", summary: "Webhook destinations of alerts", response: webhookListResponseSchema },
  async () => ({ items: await listWebhooks() }),
);

export const POST = route(
  {
    role: "admin",
    summary: "Add a webhook destination",
    description: "The signing secret is in this answer only (generated unless one is given).",
    body: createWebhookSchema,
    status: 201,
    response: webhookWithSecretResponseSchema,
    errors: ["NAME_TAKEN"],
  },
  ({ ctx, body }) => createWebhook(ctx, body),
);
