// GET /api/v1/auth/session — who is calling, with which role
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer" }, async ({ ctx }) => ({ actor: ctx.actor, role: ctx.role }));
