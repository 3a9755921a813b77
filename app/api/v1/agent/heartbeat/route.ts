// POST /api/v1/agent/heartbeat — a client agent reports in and takes its tasks (R7)
import { agentHeartbeat } from "@/lib/agents/agent-heartbeat";
import { agentHeartbeatAnswerSchema } from "@/lib/agents/responses";
import { agentHeartbeatSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const POST = route(
  {
    role: "agent",
    summary: "Agent heartbeat: stay online and take tasks",
    body: agentHeartbeatSchema,
    response: agentHeartbeatAnswerSchema,
  },
  ({ ctx, body, request }) => agentHeartbeat(ctx.agent!, body, consoleUrlFor(request)),
);
