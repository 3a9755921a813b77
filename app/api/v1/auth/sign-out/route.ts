// POST /api/v1/auth/sign-out — end the session (audited)
import { signOut } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const POST = route({ role: "viewer", summary: "End the session" }, ({ ctx, request }) => signOut(ctx, request.headers));
