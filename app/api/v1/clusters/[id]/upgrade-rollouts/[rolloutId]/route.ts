// GET /api/v1/clusters/{id}/upgrade-rollouts/{rolloutId} — one rolling upgrade with its steps (issue 17)
import { route } from "@/lib/http/route";
import { rolloutSchema } from "@/lib/rollouts/responses";
import { getRollout } from "@/lib/rollouts/rollouts";
import { rolloutParamsSchema } from "@/lib/rollouts/schemas";

export const GET = route(
  {
    role: "viewer",
    summary: "A rolling upgrade's progress",
    params: rolloutParamsSchema,
    response: rolloutSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => getRollout(params.id, params.rolloutId),
);
