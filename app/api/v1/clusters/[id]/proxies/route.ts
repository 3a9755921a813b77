// GET /api/v1/clusters/{id}/proxies — proxy servers with statuses (R6, R7, R10, R13)
// POST /api/v1/clusters/{id}/proxies — quick deploy or a manual deploy command (R4, R5)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { listProxies } from "@/lib/proxies/list-proxies";
import { deployAnswerSchema, proxyListSchema } from "@/lib/proxies/responses";
import { deployProxiesSchema } from "@/lib/proxies/schemas";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's proxy servers with their statuses",
    description: "Statuses from heartbeats, capacity, whether Upgrade is possible and why not, and what each proxy holds.",
    params: clusterIdSchema,
    response: proxyListSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => listProxies(params.id),
);

export const POST = route(
  {
    role: "operator",
    summary: "Deploy proxies: quick onto servers with online agents, or a manual deploy command",
    description: "Linux servers only; quick deploy needs the server's agent online; an IP cluster holds one proxy.",
    params: clusterIdSchema,
    body: deployProxiesSchema,
    response: deployAnswerSchema,
    status: 201,
    errors: [
      "NOT_FOUND",
      "IP_CLUSTER_SINGLE_PROXY",
      "REGION_MISMATCH",
      "NOT_ELIGIBLE",
      "NOT_LINUX",
      "AGENT_OFFLINE",
      "ALREADY_PROXY",
    ],
  },
  ({ ctx, params, body, request }) => deployProxies(ctx, params.id, body, consoleUrlFor(request)),
);
