// PATCH /api/v1/users/{id} — change role or disable (admin; the last admin stays)
import { userSchema } from "@/lib/auth/responses";
import { updateUserSchema, userIdSchema } from "@/lib/auth/schemas";
import { updateUser } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const PATCH = route(
  {
    role: "admin",
    summary: "Change a user's role, or disable or enable them",
    description: "The last active admin stays: 409 LAST_ADMIN. Disabling a user ends their sessions.",
    params: userIdSchema,
    body: updateUserSchema,
    response: userSchema,
    errors: ["NOT_FOUND", "LAST_ADMIN"],
  },
  ({ ctx, params, body }) => updateUser(ctx, params.id, body),
);
