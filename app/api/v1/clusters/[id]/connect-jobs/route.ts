// GET/POST/DELETE /api/v1/clusters/{id}/connect-jobs — paced connection of large selections (R12); DELETE cancels the running job
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { cancelRunningConnectJob, connectJobSchema, createConnectJob, listConnectJobs } from "@/lib/clients/connect-jobs";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", params: clusterIdSchema }, async ({ params }) => ({
  items: await listConnectJobs(params.id),
}));

export const POST = route(
  { role: "operator", params: clusterIdSchema, body: connectJobSchema, status: 201 },
  ({ ctx, params, body }) => createConnectJob(ctx, params.id, body.assetIds),
);

export const DELETE = route({ role: "operator", params: clusterIdSchema }, ({ ctx, params }) =>
  cancelRunningConnectJob(ctx, params.id),
);
