// DELETE /api/v1/proxies/{id} — delete an offline proxy server (R8); the last one of a cluster
// with clients only with ?clientsWithoutProxy=confirm.
import { route } from "@/lib/http/route";
import { deleteProxy } from "@/lib/proxies/delete-proxy";
import { deleteProxyQuerySchema, proxyIdSchema } from "@/lib/proxies/schemas";

export const DELETE = route(
  {
    role: "operator",
    summary: "Delete an offline proxy server",
    description:
      "Only when offline: stop the proxy first. The last proxy of a cluster with clients needs clientsWithoutProxy=confirm. The server's agent stays installed.",
    params: proxyIdSchema,
    query: deleteProxyQuerySchema,
    errors: ["NOT_FOUND", "PROXY_ONLINE", "LAST_PROXY_WITH_CLIENTS"],
  },
  ({ ctx, params, query }) => deleteProxy(ctx, params.id, { clientsWithoutProxy: query.clientsWithoutProxy === "confirm" }),
);
