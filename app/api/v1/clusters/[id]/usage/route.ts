// GET /api/v1/clusters/{id}/usage — capacity use (R13) and bandwidth requirement (R14, R17)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { clusterUsage } from "@/lib/planning/cluster-usage";

export const GET = route({ role: "viewer", params: clusterIdSchema }, ({ params }) => clusterUsage(params.id));
