// POST /api/v1/proxies/{id}/stop — ask the proxy process to exit (the step before R8's delete)
import { route } from "@/lib/http/route";
import { stopAnswerSchema } from "@/lib/proxies/responses";
import { proxyIdSchema } from "@/lib/proxies/schemas";
import { stopProxy } from "@/lib/proxies/stop-proxy";

export const POST = route(
  {
    role: "operator",
    summary: "Ask a proxy process to exit",
    description: "Through its next heartbeat answer; it shows stopping until it is offline (the step before deleting it).",
    params: proxyIdSchema,
    response: stopAnswerSchema,
    errors: ["NOT_FOUND", "PROXY_NOT_RUNNING"],
  },
  ({ ctx, params }) => stopProxy(ctx, params.id),
);
