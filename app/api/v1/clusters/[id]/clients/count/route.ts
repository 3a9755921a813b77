// GET /api/v1/clusters/{id}/clients/count — how many of the cluster's clients the filter matches
// (unfiltered: the maintained count; otherwise exact up to a cap, then an estimate marked as one)
import { countClients } from "@/lib/assets/list-assets";
import { listTotalSchema } from "@/lib/assets/responses";
import { listClientsQuerySchema } from "@/lib/assets/schemas";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "How many of a cluster's clients the filter matches",
    description: "Takes the list's filters (cursor, limit and order are ignored). Exact up to 10,000, then an estimate.",
    params: clusterIdSchema,
    query: listClientsQuerySchema,
    response: listTotalSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params, query }) => countClients(params.id, query),
);
