// GET /api/v1/clusters/{id}/clients/export — the current filter as CSV, streamed page by page
import { allClients } from "@/lib/assets/list-assets";
import { listClientsQuerySchema } from "@/lib/assets/schemas";
import { clientsCsvStream } from "@/lib/clients/export-csv";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", params: clusterIdSchema, query: listClientsQuerySchema },
  async ({ params, query }) => {
    const pages = allClients(params.id, query);
    const first = await pages.next(); // 404 before the first byte when the cluster is unknown
    return new Response(clientsCsvStream(first, pages), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="clients-${params.id}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
