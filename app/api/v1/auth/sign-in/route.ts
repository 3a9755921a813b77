// POST /api/v1/auth/sign-in — email + password → session cookie; throttled and audited
import { signedInSchema } from "@/lib/auth/responses";
import { signInSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    role: "public",
    summary: "Sign in with email and password",
    description:
      "Sets the session cookie. Throttled: 5 failures per account and 20 per address in 15 minutes answer 429 TOO_MANY_ATTEMPTS with Retry-After.",
    body: signInSchema,
    response: signedInSchema,
    errors: ["INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS"],
  },
  ({ ctx, body, request }) => signIn(ctx, body, request.headers),
);
