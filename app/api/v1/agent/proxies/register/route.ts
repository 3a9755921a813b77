// POST /api/v1/agent/proxies/register — a manually deployed proxy joins its cluster (R4, R5)
import { proxyRegisteredSchema } from "@/lib/agents/responses";
import { registerProxySchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { registerProxy } from "@/lib/proxies/register-proxy";

export const POST = route(
  {
    role: "public",
    summary: "Register a manually deployed proxy with its deploy token",
    description: "The token works once: unknown → 401, used or expired → 410.",
    body: registerProxySchema,
    response: proxyRegisteredSchema,
    status: 201,
    errors: ["IP_CLUSTER_SINGLE_PROXY", "NOT_LINUX", "ALREADY_PROXY"],
  },
  ({ ctx, body }) => registerProxy(ctx, body),
);
