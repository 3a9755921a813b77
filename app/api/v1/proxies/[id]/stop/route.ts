// POST /api/v1/proxies/{id}/stop — ask the proxy process to exit (the step before R8's delete)
import { route } from "@/lib/http/route";
import { proxyIdSchema } from "@/lib/proxies/schemas";
import { stopProxy } from "@/lib/proxies/stop-proxy";

export const POST = route({ role: "operator", params: proxyIdSchema }, ({ ctx, params }) => stopProxy(ctx, params.id));
