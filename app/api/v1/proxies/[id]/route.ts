// DELETE /api/v1/proxies/{id} — delete an offline proxy server (R8)
import { route } from "@/lib/http/route";
import { deleteProxy } from "@/lib/proxies/delete-proxy";
import { proxyIdSchema } from "@/lib/proxies/schemas";

export const DELETE = route({ role: "operator", params: proxyIdSchema }, ({ ctx, params }) => deleteProxy(ctx, params.id));
