// GET/POST /api/v1/users — list and create console users (admin)
import { createdUserSchema, userSchema } from "@/lib/auth/responses";
import { createUserSchema } from "@/lib/auth/schemas";
import { listOf } from "@/lib/validation/response-fields";
import { createUser, listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin", summary: "The console users", response: listOf(userSchema) }, async () => ({
  items: await listUsers(),
}));

export const POST = route(
  {
    role: "admin",
    summary: "Create a console user",
    description: "Without a password, a temporary one is generated and shown in this answer only.",
    body: createUserSchema,
    response: createdUserSchema,
    status: 201,
    errors: ["NAME_TAKEN"],
  },
  ({ ctx, body }) => createUser(ctx, body),
);
