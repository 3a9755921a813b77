// GET /api/v1/clusters/{id}/clients/window — the R12 window: last batch and when the next may start
import { describeBatchWindow } from "@/lib/clients/batch-window";
import { batchWindowSchema } from "@/lib/clients/responses";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The batch window: the last batch and when the next may start",
    params: clusterIdSchema,
    response: batchWindowSchema,
    errors: ["NOT_FOUND"],
  },
  async ({ params }) => {
    const cluster = await db().proxyCluster.findUnique({ where: { id: params.id }, select: { id: true } });
    if (!cluster) throw notFound("Cluster", params.id);
    return db().$transaction((tx) => describeBatchWindow(tx, params.id));
  },
);
