// GET /api/v1/clusters/{id}/clients/export — the current filter as CSV, streamed page by page
import { allClients } from "@/lib/assets/list-assets";
import { listClientsQuerySchema } from "@/lib/assets/schemas";
import { clientsCsvStream } from "@/lib/clients/export-csv";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { csvHeaders } from "@/lib/http/csv-stream";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's connected clients under a filter, as CSV",
    params: clusterIdSchema,
    query: listClientsQuerySchema,
    media: { type: "text/csv", description: "One line per client, streamed page by page." },
    errors: ["NOT_FOUND"],
  },
  async ({ params, query }) => {
    const pages = allClients(params.id, query);
    const first = await pages.next(); // 404 before the first byte when the cluster is unknown
    return new Response(clientsCsvStream(first, pages), { headers: csvHeaders(`clients-${params.id}.csv`) });
  },
);
