// GET /api/v1/clusters/{id}/clients — connected clients, filtered, keyset-paginated
// POST /api/v1/clusters/{id}/clients — connect one batch (R11-R15)
// DELETE /api/v1/clusters/{id}/clients — disconnect some or all (R16)
import { listClients } from "@/lib/assets/list-assets";
import { listClientsQuerySchema } from "@/lib/assets/schemas";
import { connectBatch } from "@/lib/clients/connect-batch";
import { disconnectClients } from "@/lib/clients/disconnect-clients";
import { connectClientsSchema, disconnectClientsSchema } from "@/lib/clients/schemas";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", params: clusterIdSchema, query: listClientsQuerySchema }, ({ params, query }) =>
  listClients(params.id, query),
);

export const POST = route(
  { role: "operator", params: clusterIdSchema, body: connectClientsSchema, status: 201 },
  ({ ctx, params, body }) => connectBatch(ctx, params.id, body.assetIds),
);

export const DELETE = route(
  { role: "operator", params: clusterIdSchema, body: disconnectClientsSchema },
  ({ ctx, params, body }) => disconnectClients(ctx, params.id, body),
);
