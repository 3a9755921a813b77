// DELETE /api/v1/clusters/{id}/connect-jobs/{jobId} — cancel a connect job
import { z } from "zod";
import { cancelConnectJob } from "@/lib/clients/connect-jobs";
import { route } from "@/lib/http/route";

const params = z.strictObject({ id: z.uuid(), jobId: z.uuid() });

export const DELETE = route({ role: "operator", params }, ({ ctx, params }) => cancelConnectJob(ctx, params.id, params.jobId));
