// DELETE /api/v1/clusters/{id}/connect-jobs/{jobId} — cancel a connect job
import { z } from "zod";
import { cancelConnectJob } from "@/lib/clients/connect-jobs";
import { connectJobSchema } from "@/lib/clients/responses";
import { route } from "@/lib/http/route";

const params = z.strictObject({ id: z.uuid(), jobId: z.uuid() });

export const DELETE = route(
  {
    role: "operator",
    summary: "Cancel a connect job",
    description: "Waves already sent stay connected. A job that has finished is answered as it is.",
    params,
    response: connectJobSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params }) => cancelConnectJob(ctx, params.id, params.jobId),
);
