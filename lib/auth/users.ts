// Users page operations (admin): create, change role, disable. Password hashing is
// better-auth's (scrypt); the user and its credential account are written in one transaction.
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import type { UserDto } from "./responses";
import type { createUserSchema, updateUserSchema } from "./schemas";

export type { UserDto };

const select = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;
type Row = { id: string; email: string; name: string; role: UserDto["role"]; disabled: boolean; createdAt: Date };
const toDto = (u: Row): UserDto => ({ ...u, createdAt: u.createdAt.toISOString() });

export async function listUsers(): Promise<UserDto[]> {
  return (await db().user.findMany({ select, orderBy: { createdAt: "asc" } })).map(toDto);
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

/** Creates a user with a credential; used by the Users page, the bootstrap and the demo seed. */
export async function insertUser(
  tx: Tx,
  input: { email: string; name: string; role: "admin" | "operator" | "viewer"; password: string },
) {
  const id = randomBytes(16).toString("hex");
  const user = await tx.user.create({
    data: { id, email: input.email, name: input.name, role: input.role, emailVerified: true },
    select,
  });
  await tx.account.create({
    data: {
      id: randomBytes(16).toString("hex"),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await hashPassword(input.password),
    },
  });
  return user;
}

export async function createUser(
  ctx: RequestContext,
  input: z.output<typeof createUserSchema>,
): Promise<UserDto & { temporaryPassword?: string }> {
  const password = input.password ?? generatePassword();
  try {
    return await audited(ctx, "user.create", { type: "user", name: input.email }, async (tx, audit) => {
      const user = await insertUser(tx, { ...input, password });
      audit.target.id = user.id;
      audit.details = { role: user.role };
      return { ...toDto(user), ...(input.password ? {} : { temporaryPassword: password }) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("NAME_TAKEN", `A user with the email ${input.email} already exists.`);
    throw error;
  }
}

export async function updateUser(ctx: RequestContext, id: string, input: z.output<typeof updateUserSchema>): Promise<UserDto> {
  return audited(ctx, "user.update", { type: "user", id }, async (tx, audit) => {
    // Serialise admin changes so two admins cannot demote each other into no admin at all.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('user-admin-set'))`;
    const user = await tx.user.findUnique({ where: { id }, select });
    if (!user) throw notFound("User", id);
    audit.target.name = user.email;
    const losesAdmin = user.role === "admin" && ((input.role && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", disabled: false } });
      if (admins <= 1) throw new AppError("LAST_ADMIN", "This is the last active admin; make another user admin first.");
    }
    audit.details = { from: { role: user.role, disabled: user.disabled }, to: input };
    const updated = await tx.user.update({ where: { id }, data: input, select });
    // A disabled user's sessions end now.
    if (input.disabled) await tx.session.deleteMany({ where: { userId: id } });
    return toDto(updated);
  });
}
