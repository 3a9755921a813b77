// Sealing install tokens (issue 13 point 13): AES-256-GCM under a key outside the database.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { encryptionKey, KEY_FILE, parseKey, seal, unseal } from "./secret-box";

const key = randomBytes(32);

describe("seal / unseal", () => {
  it("round-trips, and the sealed text does not contain the secret", () => {
    const secret = "pin_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const sealed = seal(secret, "row-1", key);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(secret.slice(4, 20));
    expect(unseal(sealed, "row-1", key)).toBe(secret);
  });

  it("uses a fresh IV each time", () => {
    expect(seal("x", "c", key)).not.toBe(seal("x", "c", key));
  });

  it.each([
    ["another key", (s: string) => unseal(s, "row-1", randomBytes(32))],
    ["another row", (s: string) => unseal(s, "row-2", key)],
    ["a changed byte", (s: string) => unseal(`${s.slice(0, -2)}${s.endsWith("A") ? "B" : "A"}${s.slice(-1)}`, "row-1", key)],
    ["an unknown version", (s: string) => unseal(s.replace(/^v1:/, "v9:"), "row-1", key)],
    ["a truncated value", () => unseal("v1:AAAA", "row-1", key)],
  ])("does not open under %s", (_what, open) => {
    expect(open(seal("secret", "row-1", key))).toBeNull();
  });
});

describe("the key", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["64 hex digits", key.toString("hex")],
    ["base64", key.toString("base64")],
    ["base64url", key.toString("base64url")],
  ])("ENCRYPTION_KEY may be %s", (_what, raw) => {
    expect(parseKey(raw, "ENCRYPTION_KEY").equals(key)).toBe(true);
  });

  it.each(["", "short", "z".repeat(64), randomBytes(16).toString("hex"), randomBytes(24).toString("base64")])(
    "refuses %j with the expected format",
    (raw) => {
      expect(() => parseKey(raw, "ENCRYPTION_KEY")).toThrow(/32 bytes as 64 hex digits or base64/);
    },
  );

  it("without ENCRYPTION_KEY, makes a mode-600 key file in DATA_DIR once and keeps using it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pac-key-"));
    vi.stubEnv("ENCRYPTION_KEY", "");
    vi.stubEnv("DATA_DIR", dir);
    const first = encryptionKey();
    const file = path.join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseKey(readFileSync(file, "utf8"), file).equals(first)).toBe(true);
    vi.stubEnv("ENCRYPTION_KEY", key.toString("hex"));
    expect(encryptionKey().equals(key)).toBe(true);
    vi.stubEnv("ENCRYPTION_KEY", "");
    expect(encryptionKey().equals(first)).toBe(true);
  });
});
