// POST /api/v1/agent/proxies/{id}/heartbeat — a running proxy reports in (R7); 410 once deleted
import { proxyHeartbeatSchema, proxyIdParamsSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { proxyHeartbeat } from "@/lib/proxies/proxy-heartbeat";

export const POST = route(
  { role: "agent", params: proxyIdParamsSchema, body: proxyHeartbeatSchema },
  ({ ctx, params, body, request }) => proxyHeartbeat(ctx.agent!, params.id, body, consoleUrlFor(request)),
);
