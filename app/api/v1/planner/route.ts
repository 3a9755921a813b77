// GET /api/v1/planner?servers=&proxyCores=&proxyMemoryGb=&uplinkKbps=[&clusterId=] — the plan
// (R4, R13, R14, R17), and for an existing cluster its real usage alongside
import { route } from "@/lib/http/route";
import { clusterUsage } from "@/lib/planning/cluster-usage";
import { plan } from "@/lib/planning/plan";
import { planQuerySchema } from "@/lib/planning/schemas";

export const GET = route({ role: "viewer", query: planQuerySchema }, async ({ query }) => ({
  plan: plan(query),
  cluster: query.clusterId ? await clusterUsage(query.clusterId) : null,
}));
