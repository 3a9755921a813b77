// DELETE /api/v1/install-commands/{id} — revoke: the token registers nothing from now on (R19)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { revokeInstallCommand } from "@/lib/install-commands/list-install-commands";

export const DELETE = route({ role: "operator", params: z.strictObject({ id: z.uuid() }) }, ({ ctx, params }) =>
  revokeInstallCommand(ctx, params.id),
);
