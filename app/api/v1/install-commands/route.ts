// GET /api/v1/install-commands?region= — the region's install commands
// POST /api/v1/install-commands — an expiring install command (R19)
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { listInstallCommands, listInstallCommandsQuerySchema } from "@/lib/install-commands/list-install-commands";
import { createInstallCommandSchema } from "@/lib/install-commands/schemas";

export const POST = route({ role: "operator", body: createInstallCommandSchema, status: 201 }, ({ ctx, body, request }) =>
  createInstallCommand(ctx, body, consoleUrlFor(request)),
);

export const GET = route({ role: "viewer", query: listInstallCommandsQuerySchema }, ({ query }) => listInstallCommands(query));
