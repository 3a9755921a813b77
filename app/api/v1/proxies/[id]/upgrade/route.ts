// POST /api/v1/proxies/{id}/upgrade — upgrade to the latest release (R10)
import { route } from "@/lib/http/route";
import { proxyIdSchema } from "@/lib/proxies/schemas";
import { upgradeProxy } from "@/lib/proxies/upgrade-proxy";

export const POST = route({ role: "operator", params: proxyIdSchema }, ({ ctx, params }) => upgradeProxy(ctx, params.id));
