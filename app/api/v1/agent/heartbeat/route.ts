// POST /api/v1/agent/heartbeat — a client agent reports in and takes its tasks (R7)
import { agentHeartbeat } from "@/lib/agents/agent-heartbeat";
import { agentHeartbeatSchema } from "@/lib/agents/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ role: "agent", body: agentHeartbeatSchema }, ({ ctx, body }) => agentHeartbeat(ctx.agent!, body));
