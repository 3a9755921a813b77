// GET /api/v1/clusters/{id}/clients — connected clients, filtered, keyset-paginated
// POST /api/v1/clusters/{id}/clients — connect one batch (R11-R15)
// DELETE /api/v1/clusters/{id}/clients — disconnect some or all (R16)
import { listClients } from "@/lib/assets/list-assets";
import { listClientsQuerySchema } from "@/lib/assets/schemas";
import { connectBatch } from "@/lib/clients/connect-batch";
import { disconnectClients } from "@/lib/clients/disconnect-clients";
import { assetPageSchema } from "@/lib/assets/responses";
import { connectResultSchema, disconnectResultSchema } from "@/lib/clients/responses";
import { connectClientsSchema, disconnectClientsSchema } from "@/lib/clients/schemas";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's connected clients",
    description: "Filtered and keyset-paginated: pass the answer's nextCursor as cursor.",
    params: clusterIdSchema,
    query: listClientsQuerySchema,
    response: assetPageSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params, query }) => listClients(params.id, query),
);

export const POST = route(
  {
    role: "operator",
    summary: "Connect one batch of servers",
    description:
      "All or nothing: servers of the cluster's region with online agents, at most 500, more than the batch interval after the last batch (429 BATCH_INTERVAL with Retry-After), within the online proxies' capacity and bandwidth headroom. Servers connected elsewhere move here.",
    params: clusterIdSchema,
    body: connectClientsSchema,
    response: connectResultSchema,
    status: 201,
    errors: [
      "NOT_FOUND",
      "BATCH_TOO_LARGE",
      "BATCH_INTERVAL",
      "AGENT_OFFLINE",
      "REGION_MISMATCH",
      "NOT_ELIGIBLE",
      "CAPACITY_EXCEEDED",
      "BANDWIDTH_HEADROOM",
    ],
  },
  ({ ctx, params, body }) => connectBatch(ctx, params.id, body.assetIds),
);

export const DELETE = route(
  {
    role: "operator",
    summary: "Disconnect some or all clients",
    description: "Their agents stay installed and keep reporting.",
    params: clusterIdSchema,
    body: disconnectClientsSchema,
    response: disconnectResultSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params, body }) => disconnectClients(ctx, params.id, body),
);
