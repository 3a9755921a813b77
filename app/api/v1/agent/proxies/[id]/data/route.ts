// POST /api/v1/agent/proxies/{id}/data — a proxy relays its agents' records within the policy's limits (R17)
import { proxyDataAnswerSchema } from "@/lib/agents/responses";
import { proxyDataSchema, proxyIdParamsSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { ingestProxyData } from "@/lib/relay/ingest-data";
import { pacedIngest } from "@/lib/relay/relay-gates";

export const POST = route(
  {
    role: "agent",
    summary: "Relay the agents' records (a proxy)",
    description:
      "Only records of agents connected to the proxy's cluster count; a forged item is refused alone. With `stream`, each record's `seq` is applied once: records at or below the stream's acknowledged seq count as `duplicates`, and `ackedSeq` says up to where the proxy may drop its queue. 429 INGEST_PACED with Retry-After when the console is taking in other proxies' data (RELAY_DATA_CONCURRENCY batches per instance).",
    params: proxyIdParamsSchema,
    body: proxyDataSchema,
    response: proxyDataAnswerSchema,
    errors: ["INGEST_PACED"],
  },
  ({ ctx, params, body }) => pacedIngest(() => ingestProxyData(ctx.agent!, params.id, body)),
);
