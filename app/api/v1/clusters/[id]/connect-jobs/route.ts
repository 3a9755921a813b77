// GET/POST/DELETE /api/v1/clusters/{id}/connect-jobs — paced connection of large selections (R12); DELETE cancels the running job
import { clusterIdSchema } from "@/lib/clusters/schemas";
import {
  cancelRunningConnectJob,
  connectJobSchema as connectJobBodySchema,
  createConnectJob,
  listConnectJobs,
} from "@/lib/clients/connect-jobs";
import { connectJobListSchema, connectJobSchema } from "@/lib/clients/responses";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's latest connect jobs",
    params: clusterIdSchema,
    response: connectJobListSchema,
  },
  async ({ params }) => ({ items: await listConnectJobs(params.id) }),
);

export const POST = route(
  {
    role: "operator",
    summary: "Connect a large selection in paced waves",
    description:
      "Waves of at most one batch, more than the batch interval apart, each through the same connect operation and rules as a batch.",
    params: clusterIdSchema,
    body: connectJobBodySchema,
    response: connectJobSchema,
    status: 201,
    errors: ["NOT_FOUND", "JOB_RUNNING"],
  },
  ({ ctx, params, body }) => createConnectJob(ctx, params.id, body.assetIds),
);

export const DELETE = route(
  {
    role: "operator",
    summary: "Cancel the running connect job",
    params: clusterIdSchema,
    response: connectJobSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params }) => cancelRunningConnectJob(ctx, params.id),
);
