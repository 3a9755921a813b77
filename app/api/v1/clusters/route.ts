// GET /api/v1/clusters?region= — the region's clusters with status and counts (R1, R6)
// POST /api/v1/clusters — create a cluster (R1, R2)
import { createCluster } from "@/lib/clusters/create-cluster";
import { listClusters } from "@/lib/clusters/read-clusters";
import { clusterListSchema, clusterSchema } from "@/lib/clusters/responses";
import { createClusterSchema, listClustersQuerySchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The clusters of a region",
    description: "With status, proxy and client counts, capacity and bandwidth; q searches name and address.",
    query: listClustersQuerySchema,
    response: clusterListSchema,
  },
  async ({ query }) => ({ items: await listClusters(query) }),
);

export const POST = route(
  {
    role: "operator",
    summary: "Create a cluster",
    description:
      "The region is fixed at creation; the name is unique in the region and the contact address an IP address or a domain name; neither changes later. An IP cluster holds one proxy.",
    body: createClusterSchema,
    response: clusterSchema,
    status: 201,
    errors: ["NAME_TAKEN", "IP_CLUSTER_SINGLE_PROXY"],
  },
  ({ ctx, body }) => createCluster(ctx, body),
);
