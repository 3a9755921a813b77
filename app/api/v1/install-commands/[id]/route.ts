// DELETE /api/v1/install-commands/{id} — revoke: the token registers nothing from now on (R19)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { revokeInstallCommand } from "@/lib/install-commands/list-install-commands";
import { installCommandSchema } from "@/lib/install-commands/responses";

export const DELETE = route(
  {
    role: "operator",
    summary: "Revoke an install command",
    description: "Its token registers nothing from now on; servers it registered stay.",
    params: z.strictObject({ id: z.uuid() }),
    response: installCommandSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params }) => revokeInstallCommand(ctx, params.id),
);
