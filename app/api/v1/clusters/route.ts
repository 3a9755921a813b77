// GET /api/v1/clusters?region= — the region's clusters with status and counts (R1, R6)
// POST /api/v1/clusters — create a cluster (R1, R2)
import { createCluster } from "@/lib/clusters/create-cluster";
import { listClusters } from "@/lib/clusters/read-clusters";
import { createClusterSchema, listClustersQuerySchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", query: listClustersQuerySchema }, async ({ query }) => ({
  items: await listClusters(query),
}));

export const POST = route({ role: "operator", body: createClusterSchema, status: 201 }, ({ ctx, body }) =>
  createCluster(ctx, body),
);
