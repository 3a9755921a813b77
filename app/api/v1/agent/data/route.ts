// POST /api/v1/agent/data — records collected by an agent that reports directly (SPEC §8)
import { dataAnswerSchema } from "@/lib/agents/responses";
import { agentDataSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { ingestAgentData } from "@/lib/relay/ingest-data";

export const POST = route(
  {
    role: "agent",
    summary: "Send collected records (an agent that reports directly)",
    body: agentDataSchema,
    response: dataAnswerSchema,
  },
  ({ ctx, body }) => ingestAgentData(ctx.agent!, body),
);
