// POST /api/v1/agent/proxies/register — a manually deployed proxy joins its cluster (R4, R5)
import { registerProxySchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { registerProxy } from "@/lib/proxies/register-proxy";

export const POST = route({ role: "public", body: registerProxySchema, status: 201 }, ({ ctx, body }) =>
  registerProxy(ctx, body),
);
