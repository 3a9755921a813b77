// POST /api/v1/proxies/{id}/upgrade — upgrade to the latest release (R10)
import { route } from "@/lib/http/route";
import { upgradeAnswerSchema } from "@/lib/proxies/responses";
import { proxyIdSchema } from "@/lib/proxies/schemas";
import { upgradeProxy } from "@/lib/proxies/upgrade-proxy";

export const POST = route(
  {
    role: "operator",
    summary: "Upgrade a proxy to the latest release",
    description: "Unavailable when it already runs the latest version or its agent is offline.",
    params: proxyIdSchema,
    response: upgradeAnswerSchema,
    errors: ["NOT_FOUND", "ALREADY_LATEST", "PROXY_BUSY", "AGENT_OFFLINE", "PROXY_NOT_RUNNING"],
  },
  ({ ctx, params }) => upgradeProxy(ctx, params.id),
);
