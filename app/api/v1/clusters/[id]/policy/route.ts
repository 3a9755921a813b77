// GET/PUT /api/v1/clusters/{id}/policy — backflow limits (R17) or cache mode (R18)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { getPolicy, updatePolicy } from "@/lib/policy/policy";
import { proxyPolicySchema } from "@/lib/policy/responses";
import { policySchema } from "@/lib/policy/schemas";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's proxy policy",
    params: clusterIdSchema,
    response: proxyPolicySchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => getPolicy(params.id),
);

export const PUT = route(
  {
    role: "operator",
    summary: "Set a cluster's proxy policy",
    description:
      "backflow with optional bandwidth and frequency limits (the clients' need at most 60% of a custom bandwidth), or cache with a directory, a cap of at most 10 GB and the data types kept. The proxies receive it with their next heartbeat.",
    params: clusterIdSchema,
    body: policySchema,
    response: proxyPolicySchema,
    errors: ["NOT_FOUND", "BANDWIDTH_HEADROOM"],
  },
  ({ ctx, params, body }) => updatePolicy(ctx, params.id, body),
);
