// DELETE /api/v1/tokens/{id} — revoke an API token, effective immediately (admin)
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { tokenIdSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const DELETE = route({ role: "admin", params: tokenIdSchema }, ({ ctx, params }) => revokeApiToken(ctx, params.id));
