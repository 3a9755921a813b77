// Shapes of the one-time tokens in script URLs (lib/crypto/tokens.ts: prefix + base64url).
// Only the shape is checked here; the script routes and registration check the token for real.
import { z } from "zod";

const tokenOf = (prefix: "pin" | "pdp") => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{16,128}$`), "Malformed token");

export const installTokenParamsSchema = z.strictObject({ token: tokenOf("pin") });
export const deployTokenParamsSchema = z.strictObject({ token: tokenOf("pdp") });
