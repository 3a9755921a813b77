// GET /api/v1/clusters/{id}/traffic — throughput per minute and proxy over the last hour, cache fill (SPEC §8)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { clusterTraffic } from "@/lib/relay/cluster-traffic";

export const GET = route({ role: "viewer", params: clusterIdSchema }, ({ params }) => clusterTraffic(params.id));
