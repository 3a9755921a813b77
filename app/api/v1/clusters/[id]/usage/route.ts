// GET /api/v1/clusters/{id}/usage — capacity use (R13) and bandwidth requirement (R14, R17)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { clusterUsage } from "@/lib/planning/cluster-usage";
import { clusterUsageSchema } from "@/lib/planning/responses";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's capacity use and bandwidth requirement",
    description: "Capacity from the serving proxies' real sizes, N+1 (losing the largest proxy), bandwidth.",
    params: clusterIdSchema,
    response: clusterUsageSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => clusterUsage(params.id),
);
