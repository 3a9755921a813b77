// POST /api/v1/auth/password — change one's own password (audited)
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ role: "viewer", body: changePasswordSchema }, ({ ctx, body, request }) =>
  changePassword(ctx, body, request.headers),
);
