// Bearer secrets (API tokens, agent credentials, install and deploy tokens): 256 random bits,
// a prefix that says what kind they are, and only a SHA-256 at rest.
import { createHash, randomBytes } from "node:crypto";

export type TokenKind = "pac" | "pag" | "pin" | "pdp"; // API token, agent, install, deploy

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What may be shown of a token after creation: its kind and first characters. */
export function tokenHint(token: string): string {
  return token.slice(0, 8);
}
