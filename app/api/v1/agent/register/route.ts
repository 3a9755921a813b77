// POST /api/v1/agent/register — a server that ran an install command registers (SPEC §7)
import { agentRegisteredSchema } from "@/lib/agents/responses";
import { registerAgentSchema } from "@/lib/agents/schemas";
import { registerAgent } from "@/lib/agents/register-agent";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const POST = route(
  {
    role: "public",
    summary: "Register a server with its install token",
    description:
      "Creates or updates the asset and, when the command names a cluster, connects it. Unknown token → 401, revoked or expired → 410; 429 BATCH_INTERVAL with Retry-After when the cluster's registration window is full.",
    body: registerAgentSchema,
    response: agentRegisteredSchema,
    status: 201,
    errors: ["BATCH_INTERVAL", "CAPACITY_EXCEEDED", "BANDWIDTH_HEADROOM"],
  },
  ({ ctx, body, request }) => registerAgent(ctx, body, consoleUrlFor(request)),
);
