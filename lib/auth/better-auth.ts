// Sessions and passwords are better-auth's (cookies, scrypt hashing, session table).
// Created lazily: `next build` imports this module without a database or secret.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "@/lib/db/client";

function createAuth() {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set (npm start sets it from the database).");
  const baseURL = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return betterAuth({
    secret,
    baseURL,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: ["admin", "operator", "viewer"], input: false, defaultValue: "viewer" },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60, cookieCache: { enabled: false } },
    // Sign-in is throttled by lib/auth/sign-in.ts from the audit log, shared by every instance.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "pac",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user cannot start a session.
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user?.disabled ? false : undefined;
          },
        },
      },
    },
    telemetry: { enabled: false },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { betterAuth?: Auth };

export function auth(): Auth {
  globalForAuth.betterAuth ??= createAuth();
  return globalForAuth.betterAuth;
}
