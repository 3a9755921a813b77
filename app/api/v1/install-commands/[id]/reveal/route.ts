// POST /api/v1/install-commands/{id}/reveal — the command again until it expires or is revoked (R19), audited (R20)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { revealInstallCommand } from "@/lib/install-commands/reveal-install-command";
import { revealedInstallCommandSchema } from "@/lib/install-commands/responses";

export const POST = route(
  {
    role: "operator",
    summary: "Show an install command again",
    description:
      "While it can still register servers: an expired or revoked one answers 410; one made before commands were kept sealed, or sealed under another key, 409 NOT_REVEALABLE. Each reveal is audited.",
    params: z.strictObject({ id: z.uuid() }),
    response: revealedInstallCommandSchema,
    errors: ["NOT_FOUND", "GONE", "NOT_REVEALABLE"],
  },
  ({ ctx, params, request }) => revealInstallCommand(ctx, params.id, consoleUrlFor(request)),
);
