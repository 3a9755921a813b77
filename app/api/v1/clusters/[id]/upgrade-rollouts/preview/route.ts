// GET /api/v1/clusters/{id}/upgrade-rollouts/preview — what "Upgrade all" would do now (issue 17)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { rolloutPreviewSchema } from "@/lib/rollouts/responses";
import { previewRollout } from "@/lib/rollouts/rollouts";

export const GET = route(
  {
    role: "viewer",
    summary: "Preview a rolling upgrade",
    description: "Every proxy of the cluster, pending or skipped with the reason, and why a rollout could not start now.",
    params: clusterIdSchema,
    response: rolloutPreviewSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => previewRollout(params.id),
);
