// POST /api/v1/clusters/{id}/upgrade-rollouts/{rolloutId}/{pause|resume|cancel} (issue 17)
import { route } from "@/lib/http/route";
import { rolloutSchema } from "@/lib/rollouts/responses";
import { actOnRollout } from "@/lib/rollouts/rollouts";
import { rolloutActionSchema, rolloutParamsSchema } from "@/lib/rollouts/schemas";

export const POST = route(
  {
    role: "operator",
    summary: "Pause, resume or cancel a rolling upgrade",
    description:
      "Upgrades already under way go on: a paused rollout still follows them and starts no more; a cancelled one stops following them.",
    params: rolloutParamsSchema.extend(rolloutActionSchema.shape),
    response: rolloutSchema,
    errors: ["NOT_FOUND", "ROLLOUT_STATE"],
  },
  ({ ctx, params }) => actOnRollout(ctx, params.id, params.rolloutId, params.action),
);
