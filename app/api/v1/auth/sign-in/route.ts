// POST /api/v1/auth/sign-in — email + password → session cookie; throttled and audited
import { signInSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const POST = route({ role: "public", body: signInSchema }, ({ ctx, body, request }) => signIn(ctx, body, request.headers));
