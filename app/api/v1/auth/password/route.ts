// POST /api/v1/auth/password — change one's own password (audited)
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route(
  {
    role: "viewer",
    summary: "Change one's own password",
    description: "A signed-in user only (API tokens have no password); the user's other sessions end.",
    body: changePasswordSchema,
    errors: ["INVALID_CREDENTIALS"],
  },
  ({ ctx, body, request }) => changePassword(ctx, body, request.headers),
);
