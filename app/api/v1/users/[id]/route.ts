// PATCH /api/v1/users/{id} — change role or disable (admin; the last admin stays)
import { updateUserSchema, userIdSchema } from "@/lib/auth/schemas";
import { updateUser } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const PATCH = route({ role: "admin", params: userIdSchema, body: updateUserSchema }, ({ ctx, params, body }) =>
  updateUser(ctx, params.id, body),
);
