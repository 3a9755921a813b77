// Secrets the console must show again (install tokens, issue 13 point 13), sealed with
// AES-256-GCM under a key that is never in the database: ENCRYPTION_KEY (32 bytes as 64 hex
// digits or base64), else a key file made once in DATA_DIR (mode 600) for the embedded default.
// A copy of the database alone yields no usable secret; the SHA-256 still verifies tokens.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { cachedKeptSecret } from "./kept-secret";

const VERSION = "v1";
export const KEY_FILE = "encryption.key";

/** 32 bytes from 64 hex digits or base64/base64url; anything else is a configuration error. */
export function parseKey(raw: string, source: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(text)))
    throw new Error(`${source} must be 32 bytes as 64 hex digits or base64 (e.g. openssl rand -base64 32)`);
  return key;
}

const sealingKey = cachedKeptSecret({
  env: "ENCRYPTION_KEY",
  file: KEY_FILE,
  make: () => `${randomBytes(32).toString("base64")}\n`,
  parse: parseKey,
});

export function encryptionKey(): Buffer {
  return sealingKey();
}

/**
 * "v1:" + base64url(iv ‖ tag ‖ ciphertext). `context` (e.g. the row's id) is bound as associated
 * data, so a sealed value copied onto another row does not open there.
 */
export function seal(plaintext: string, context: string, key = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plaintext, or null when the value was sealed under another key or context, or is damaged. */
export function unseal(sealed: string, context: string, key = encryptionKey()): string | null {
  const [version, payload] = sealed.split(":");
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < 28) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
