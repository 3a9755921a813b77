// GET /api/v1/clusters/{id}/proxies — proxy servers with statuses (R6, R7, R10, R13)
// POST /api/v1/clusters/{id}/proxies — quick deploy or a manual deploy command (R4, R5)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { listProxies } from "@/lib/proxies/list-proxies";
import { deployProxiesSchema } from "@/lib/proxies/schemas";

export const GET = route({ role: "viewer", params: clusterIdSchema }, ({ params }) => listProxies(params.id));

export const POST = route(
  { role: "operator", params: clusterIdSchema, body: deployProxiesSchema, status: 201 },
  ({ ctx, params, body, request }) => deployProxies(ctx, params.id, body, consoleUrlFor(request)),
);
