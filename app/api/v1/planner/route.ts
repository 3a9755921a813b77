// GET /api/v1/planner?servers=&proxyCores=&proxyMemoryGb=&uplinkKbps=&redundancy=[&clusterId=] —
// the plan (R4, R13, R14, R17), with N+1 on request (issue 16); for an existing cluster its real
// usage alongside, and the plan starts from its serving proxies' real capacities
import { route } from "@/lib/http/route";
import { clusterUsage } from "@/lib/planning/cluster-usage";
import { plan } from "@/lib/planning/plan";
import { plannerAnswerSchema } from "@/lib/planning/responses";
import { planQuerySchema } from "@/lib/planning/schemas";

export const GET = route(
  {
    role: "viewer",
    summary: "Plan proxies and bandwidth for a number of servers",
    description:
      "Capacity per proxy size, bandwidth, and whether several proxies need a domain address; redundancy=true plans N+1. With clusterId the plan starts from that cluster's serving proxies.",
    query: planQuerySchema,
    response: plannerAnswerSchema,
    errors: ["NOT_FOUND"],
  },
  async ({ query }) => {
    const cluster = query.clusterId ? await clusterUsage(query.clusterId) : null;
    return { plan: plan({ ...query, existingCapacities: cluster?.proxyCapacities ?? null }), cluster };
  },
);
