// GET /api/v1/clusters/{id}/traffic — throughput per minute and proxy over the last hour, cache fill (SPEC §8)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { clusterTraffic } from "@/lib/relay/cluster-traffic";
import { clusterTrafficSchema } from "@/lib/relay/responses";

export const GET = route(
  {
    role: "viewer",
    summary: "What flowed through a cluster's proxies in the last hour",
    description: "Bytes and records per minute and proxy, beside the policy's bandwidth limit and each proxy's cache fill.",
    params: clusterIdSchema,
    response: clusterTrafficSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => clusterTraffic(params.id),
);
