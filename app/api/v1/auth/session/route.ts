// GET /api/v1/auth/session — who is calling, with which role
import { sessionSchema } from "@/lib/auth/responses";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", summary: "Who is calling, with which role", response: sessionSchema },
  // Authenticated: the wrapper has set the role.
  async ({ ctx }) => ({ actor: ctx.actor, role: ctx.role! }),
);
