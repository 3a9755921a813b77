// POST /api/v1/agent/proxies/{id}/heartbeat — a running proxy reports in (R7); 410 once deleted
import { proxyHeartbeatAnswerSchema } from "@/lib/agents/responses";
import { proxyHeartbeatSchema, proxyIdParamsSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { proxyHeartbeat } from "@/lib/proxies/proxy-heartbeat";

export const POST = route(
  {
    role: "agent",
    summary: "Proxy heartbeat: stay online, report agents, take tasks and the policy",
    description: "410 GONE once the proxy was deleted: the daemon stops.",
    params: proxyIdParamsSchema,
    body: proxyHeartbeatSchema,
    response: proxyHeartbeatAnswerSchema,
  },
  ({ ctx, params, body, request }) => proxyHeartbeat(ctx.agent!, params.id, body, consoleUrlFor(request)),
);
