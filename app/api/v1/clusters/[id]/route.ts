// GET/PATCH/DELETE /api/v1/clusters/{id} — read; change the description (R3) or the minimum of online proxies (issue 16); delete (R9)
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { getCluster } from "@/lib/clusters/read-clusters";
import { clusterIdSchema, updateClusterSchema } from "@/lib/clusters/schemas";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", params: clusterIdSchema }, ({ params }) => getCluster(params.id));

export const PATCH = route({ role: "operator", params: clusterIdSchema, body: updateClusterSchema }, ({ ctx, params, body }) =>
  updateCluster(ctx, params.id, body),
);

export const DELETE = route({ role: "operator", params: clusterIdSchema }, ({ ctx, params }) => deleteCluster(ctx, params.id));
