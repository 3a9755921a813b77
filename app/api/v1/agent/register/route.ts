// POST /api/v1/agent/register — a server that ran an install command registers (SPEC §7)
import { registerAgentSchema } from "@/lib/agents/schemas";
import { registerAgent } from "@/lib/agents/register-agent";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const POST = route({ role: "public", body: registerAgentSchema, status: 201 }, ({ ctx, body, request }) =>
  registerAgent(ctx, body, consoleUrlFor(request)),
);
