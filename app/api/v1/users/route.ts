// GET/POST /api/v1/users — list and create console users (admin)
import { createUserSchema } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ items: await listUsers() }));

export const POST = route({ role: "admin", body: createUserSchema, status: 201 }, ({ ctx, body }) => createUser(ctx, body));
