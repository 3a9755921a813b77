// GET/POST /api/v1/clusters/{id}/upgrade-rollouts — "Upgrade all": a rolling upgrade of the
// cluster's proxies to the latest release, k at a time, never below the cluster's minimum (issue 17)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { rolloutListSchema, rolloutSchema } from "@/lib/rollouts/responses";
import { createRollout, listRollouts } from "@/lib/rollouts/rollouts";
import { createRolloutSchema } from "@/lib/rollouts/schemas";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's latest rolling upgrades",
    params: clusterIdSchema,
    response: rolloutListSchema,
    errors: ["NOT_FOUND"],
  },
  async ({ params }) => ({ items: await listRollouts(params.id) }),
);

export const POST = route(
  {
    role: "operator",
    summary: "Upgrade every proxy of a cluster, a few at a time",
    description:
      "Upgrades the cluster's proxies to the latest release, batchSize at a time, waiting for each to report the new version before the next, never leaving fewer serving proxies than the cluster's minimum, and pausing on the first failure. Proxies whose agent is offline, that are offline, or that already run the latest version are skipped with the reason.",
    params: clusterIdSchema,
    body: createRolloutSchema,
    response: rolloutSchema,
    status: 201,
    errors: ["NOT_FOUND", "ROLLOUT_ACTIVE", "ALREADY_LATEST", "BELOW_MINIMUM"],
  },
  ({ ctx, params, body }) => createRollout(ctx, params.id, body.batchSize),
);
