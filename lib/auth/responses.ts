// What the sign-in, user and API-token routes answer (issue 14), and the DTO types inferred from it.
import { z } from "zod";
import { roleField, rowId, timestamp } from "@/lib/validation/response-fields";

export const apiTokenSchema = z
  .object({
    id: rowId(),
    name: z.string(),
    role: roleField,
    tokenHint: z.string().describe("The token's last characters, to tell tokens apart."),
    createdBy: z.string(),
    createdAt: timestamp(),
    lastUsedAt: timestamp().nullable(),
    expiresAt: timestamp().nullable(),
    revokedAt: timestamp().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().describe("The token itself (pac_…), in this answer only: it is stored as a hash.") })
  .meta({ id: "CreatedApiToken" });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleField,
    disabled: z.boolean(),
    createdAt: timestamp(),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof userSchema>;

export const createdUserSchema = userSchema
  .extend({
    temporaryPassword: z.string().optional().describe("Generated when no password was given; shown this once."),
  })
  .meta({ id: "CreatedUser" });

export const signedInSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleField }),
});

export const sessionSchema = z.object({
  actor: z.object({
    type: z.enum(["user", "token", "agent", "system", "anonymous"]).describe("user (a session) or token (an API token)."),
    id: z.string().nullable(),
    name: z.string().describe("The user's email, or token:<name> for an API token."),
  }),
  role: roleField,
});
