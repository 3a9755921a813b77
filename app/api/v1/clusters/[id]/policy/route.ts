// GET/PUT /api/v1/clusters/{id}/policy — backflow limits (R17) or cache mode (R18)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { getPolicy, updatePolicy } from "@/lib/policy/policy";
import { policySchema } from "@/lib/policy/schemas";

export const GET = route({ role: "viewer", params: clusterIdSchema }, ({ params }) => getPolicy(params.id));

export const PUT = route({ role: "operator", params: clusterIdSchema, body: policySchema }, ({ ctx, params, body }) =>
  updatePolicy(ctx, params.id, body),
);
