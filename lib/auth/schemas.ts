// zod schemas of sign-in, users and API tokens, shared by routes and forms.
import { z } from "zod";
import { nameSchema } from "@/lib/validation/names";
import { ROLES } from "./roles";

export const roleSchema = z.enum(ROLES);
export const emailSchema = z.string().trim().toLowerCase().max(255).pipe(z.email());
export const passwordSchema = z.string().min(10).max(128);

export const signInSchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(128) });

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(255),
  role: roleSchema,
  /** Omitted: a temporary password is generated and shown once. */
  password: passwordSchema.optional(),
});

export const updateUserSchema = z
  .strictObject({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { params: { reason: "nothingToChange" } });

export const createTokenSchema = z.strictObject({
  name: nameSchema(),
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export const userIdSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const tokenIdSchema = z.strictObject({ id: z.uuid() });

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema });
