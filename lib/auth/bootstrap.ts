// First start: the auth secret (shared by every instance through the database) and, when
// there are no users, the first admin from ADMIN_EMAIL/ADMIN_PASSWORD or a printed password.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { generatePassword, insertUser } from "./users";

export async function ensureAuthSecret(): Promise<string> {
  const fresh = randomBytes(32).toString("base64url");
  await db().appSetting.createMany({ data: [{ key: "auth_secret", value: fresh }], skipDuplicates: true });
  const row = await db().appSetting.findUniqueOrThrow({ where: { key: "auth_secret" } });
  return String(row.value);
}

export async function ensureFirstAdmin(say: (line: string) => void) {
  if ((await db().user.count()) > 0) return;
  const email = (process.env.ADMIN_EMAIL ?? "admin@localhost.localdomain").trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD ?? generatePassword();
  await db().$transaction((tx) => insertUser(tx, { email, name: "Administrator", role: "admin", password }));
  if (process.env.ADMIN_PASSWORD) say(`created the first admin ${email} (password from ADMIN_PASSWORD)`);
  else say(`created the first admin — sign in as ${email} with password ${password} (shown once; change it in Settings)`);
}
