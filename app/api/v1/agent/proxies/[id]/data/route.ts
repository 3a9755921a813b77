// POST /api/v1/agent/proxies/{id}/data — a proxy relays its agents' records within the policy's limits (R17)
import { proxyDataSchema, proxyIdParamsSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { ingestProxyData } from "@/lib/relay/ingest-data";
import { pacedIngest } from "@/lib/relay/relay-gates";

export const POST = route({ role: "agent", params: proxyIdParamsSchema, body: proxyDataSchema }, ({ ctx, params, body }) =>
  pacedIngest(() => ingestProxyData(ctx.agent!, params.id, body)),
);
