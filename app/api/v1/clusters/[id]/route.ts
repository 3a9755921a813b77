// GET/PATCH/DELETE /api/v1/clusters/{id} — read; change the description (R3) or the minimum of online proxies (issue 16); delete (R9)
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { getCluster } from "@/lib/clusters/read-clusters";
import { clusterIdSchema, updateClusterSchema } from "@/lib/clusters/schemas";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { clusterSchema } from "@/lib/clusters/responses";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", summary: "One cluster", params: clusterIdSchema, response: clusterSchema, errors: ["NOT_FOUND"] },
  ({ params }) => getCluster(params.id),
);

export const PATCH = route(
  {
    role: "operator",
    summary: "Change a cluster's description or minimum of online proxies",
    description:
      "Name and contact address cannot change after creation: sending different ones answers 422 IMMUTABLE_FIELD. An IP cluster's minimum is 1.",
    params: clusterIdSchema,
    body: updateClusterSchema,
    response: clusterSchema,
    errors: ["NOT_FOUND", "IMMUTABLE_FIELD", "IP_CLUSTER_SINGLE_PROXY"],
  },
  ({ ctx, params, body }) => updateCluster(ctx, params.id, body),
);

export const DELETE = route(
  {
    role: "operator",
    summary: "Delete a cluster",
    description: "Only a cluster with no proxy servers and no connected clients; its install commands are revoked.",
    params: clusterIdSchema,
    errors: ["NOT_FOUND", "CLUSTER_NOT_EMPTY"],
  },
  ({ ctx, params }) => deleteCluster(ctx, params.id),
);
