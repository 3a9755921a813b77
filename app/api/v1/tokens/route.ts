// GET/POST /api/v1/tokens — API tokens for scripts (admin); the token is shown once
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { apiTokenSchema, createdApiTokenSchema } from "@/lib/auth/responses";
import { createTokenSchema } from "@/lib/auth/schemas";
import { listOf } from "@/lib/validation/response-fields";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin", summary: "The API tokens", response: listOf(apiTokenSchema) }, async () => ({
  items: await listApiTokens(),
}));

export const POST = route(
  {
    role: "admin",
    summary: "Create an API token",
    description: "The token is in this answer only; send it as Authorization: Bearer pac_….",
    body: createTokenSchema,
    response: createdApiTokenSchema,
    status: 201,
  },
  ({ ctx, body }) => createApiToken(ctx, body),
);
