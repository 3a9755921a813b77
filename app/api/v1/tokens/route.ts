// GET/POST /api/v1/tokens — API tokens for scripts (admin); the token is shown once
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { createTokenSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ items: await listApiTokens() }));

export const POST = route({ role: "admin", body: createTokenSchema, status: 201 }, ({ ctx, body }) => createApiToken(ctx, body));
