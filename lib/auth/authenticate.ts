// Who is calling the operator API: an API token (Authorization: Bearer pac_...) or a session
// cookie. Agent credentials (pag_...) never authenticate here (issue #3, item 5).
import { db, queryRows } from "@/lib/db/client";
import { isDatabaseFull } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/crypto/tokens";
import type { Actor } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { auth } from "./better-auth";
import type { Role } from "./roles";

export type Principal = { actor: Actor; role: Role; via: "token" | "session" };

const LAST_USED_GRANULARITY_MS = 60_000;

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

async function fromApiToken(token: string): Promise<Principal> {
  if (!token.startsWith("pac_")) {
    throw new AppError(
      "UNAUTHENTICATED",
      "This credential is not an API token. Agent credentials only work on /api/v1/agent routes.",
    );
  }
  // Every scripted request pays this lookup, so it is one plain statement (issue #5 bench).
  const [row] = await queryRows<TokenRow>(Prisma.sql`
    SELECT id, name, role, last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
      FROM api_token WHERE token_hash = ${hashToken(token)}`);
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new AppError("UNAUTHENTICATED", "The API token is unknown, revoked or expired.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    // A bookkeeping write: with the database's disk full, the request goes on without it (issue 15).
    await db()
      .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch((error: unknown) => {
        if (!isDatabaseFull(error)) throw error;
      });
  }
  return { actor: { type: "token", id: row.id, name: `token:${row.name}` }, role: row.role, via: "token" };
}

export async function sessionUser(headers: Headers) {
  const session = await auth()
    .api.getSession({ headers })
    // A session due for renewal is written; with the database's disk full, read it without
    // renewing it, so reads keep working (issue 15). It is renewed once there is space.
    .catch(async (error: unknown) => {
      if (!isDatabaseFull(error)) throw error;
      return auth().api.getSession({ headers, query: { disableRefresh: true } });
    })
    .catch(async (error: unknown) => {
      // better-auth answers any failure as FAILED_TO_GET_SESSION and drops the cause; when the
      // database is away, throw its own error instead (the API's 503, the pages' notice; issue 15).
      await queryRows(Prisma.sql`SELECT 1`);
      throw error;
    });
  if (!session) return null;
  const user = await db().user.findUnique({ where: { id: session.user.id } });
  return user && !user.disabled ? user : null;
}

/** Throws UNAUTHENTICATED when the request carries no valid credential. */
export async function authenticate(request: Request): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("UNAUTHENTICATED", "Use Authorization: Bearer <API token>.");
    return fromApiToken(match[1]!);
  }
  const user = await sessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as Authorization: Bearer <token>.");
  return { actor: { type: "user", id: user.id, name: user.email }, role: user.role, via: "session" };
}

/** Cookie-authenticated mutations must come from the console's own origin (CSRF). */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const allowed = new Set<string>();
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (process.env.PUBLIC_URL) allowed.add(new URL(process.env.PUBLIC_URL).origin);
  if (!origin || !allowed.has(origin)) {
    throw new AppError("FORBIDDEN", "Cross-site request refused: the Origin header does not match this console.");
  }
}
