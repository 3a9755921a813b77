// GET /api/v1/webhooks/{id}/deliveries — the delivery log: each delivery with its attempts (issue 14)
import { deliveriesQuerySchema, deliveryListResponseSchema, idParamsSchema } from "@/lib/alerts/schemas";
import { listDeliveries } from "@/lib/alerts/webhooks";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "A webhook destination's delivery log",
    params: idParamsSchema,
    query: deliveriesQuerySchema,
    response: deliveryListResponseSchema,
    errors: ["NOT_FOUND"],
  },
  async ({ params, query }) => ({ items: await listDeliveries(params.id, query.limit) }),
);
