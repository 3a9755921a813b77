// DELETE /api/v1/tokens/{id} — revoke an API token, effective immediately (admin)
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { apiTokenSchema } from "@/lib/auth/responses";
import { tokenIdSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const DELETE = route(
  {
    role: "admin",
    summary: "Revoke an API token",
    description: "Effective on the token's next request.",
    params: tokenIdSchema,
    response: apiTokenSchema,
    errors: ["NOT_FOUND"],
  },
  ({ ctx, params }) => revokeApiToken(ctx, params.id),
);
