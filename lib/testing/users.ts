// Console users and session cookies for tests: a user made with the real insertUser (better-auth
// hashing), signed in through the real sign-in route so the cookie is the one a browser gets.
import * as signInRoute from "@/app/api/v1/auth/sign-in/route";
import { insertUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { uniqueName } from "./fixtures";
import { call } from "./http";

/** better-auth needs a secret; `npm start` takes it from the database, tests set one. */
export function ensureAuthSecret() {
  process.env.BETTER_AUTH_SECRET ??= "test-secret-".padEnd(48, "x");
}

export const TEST_PASSWORD = "correct-horse-battery";

export async function makeUser(role: "admin" | "operator" | "viewer" = "operator") {
  ensureAuthSecret();
  const email = `${uniqueName(role)}@example.com`;
  const user = await db().$transaction((tx) => insertUser(tx, { email, name: email, role, password: TEST_PASSWORD }));
  return { ...user, password: TEST_PASSWORD };
}

export function signIn(email: string, password: string, ip = "198.51.100.1") {
  ensureAuthSecret();
  return call(signInRoute.POST, "POST", "/api/v1/auth/sign-in", {
    body: { email, password },
    headers: { "x-forwarded-for": ip },
  });
}

/** The Cookie header a browser would send after signing in. */
export async function sessionCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await signIn(email, password);
  if (result.status !== 200) throw new Error(`sign-in failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
