// GET /api/v1/install-commands?region= — the region's install commands
// POST /api/v1/install-commands — an expiring install command (R19)
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { listInstallCommands, listInstallCommandsQuerySchema } from "@/lib/install-commands/list-install-commands";
import { createdInstallCommandSchema, installCommandListSchema } from "@/lib/install-commands/responses";
import { createInstallCommandSchema } from "@/lib/install-commands/schemas";

export const POST = route(
  {
    role: "operator",
    summary: "Create an expiring install command",
    description:
      "Expiry, service provider, default group, OS, create image and the cluster to connect through (or none: the server connects directly and only joins the inventory).",
    body: createInstallCommandSchema,
    response: createdInstallCommandSchema,
    status: 201,
    errors: ["NOT_FOUND", "REGION_MISMATCH"],
  },
  ({ ctx, body, request }) => createInstallCommand(ctx, body, consoleUrlFor(request)),
);

export const GET = route(
  {
    role: "viewer",
    summary: "The install commands of a region",
    description: "With status, usage and target; the newest 500.",
    query: listInstallCommandsQuerySchema,
    response: installCommandListSchema,
  },
  ({ query }) => listInstallCommands(query),
);
