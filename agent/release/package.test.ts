// Issue 17: a release verifies only as published — a changed byte, a changed signature, or a
// signature for another version is refused before anything is unpacked or written.
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { packRelease, releaseStatement, ReleaseRefused, sha256Hex, verifyRelease } from "./package.mjs";

const keys = generateKeyPairSync("ed25519");
const publicKey = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
const signFor = (version: string, digest: string) =>
  sign(null, Buffer.from(releaseStatement(version, digest)), keys.privateKey).toString("base64");

function published(version = "2.0.0") {
  const bytes = packRelease({
    version,
    files: [
      { path: "pac-agent.mjs", mode: 0o755, content: "console.log('hi');\n" },
      { path: "proxy/relay.mjs", content: "export const x = 1;\n" },
    ],
  });
  const digest = sha256Hex(bytes);
  return { bytes, version, digest, signature: signFor(version, digest), size: bytes.length, publicKey };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseRefused);
    return (error as ReleaseRefused).reason;
  }
  throw new Error("expected the release to be refused");
}

describe("release packages", () => {
  it("round trip: packs, verifies and unpacks every file with its mode and a release.json", () => {
    const release = verifyRelease(published());
    expect(release.version).toBe("2.0.0");
    const files = Object.fromEntries(release.files.map((f) => [f.path, f]));
    expect(files["pac-agent.mjs"]!.content.toString()).toBe("console.log('hi');\n");
    expect(files["pac-agent.mjs"]!.mode).toBe(0o755);
    expect(files["proxy/relay.mjs"]!.mode).toBe(0o644);
    expect(JSON.parse(files["release.json"]!.content.toString())).toEqual({ version: "2.0.0" });
  });

  it("the same files give the same bytes (and digest)", () => {
    expect(published().digest).toBe(published().digest);
  });

  it("refuses a package with one byte changed (digest mismatch)", () => {
    const p = published();
    const bytes = Buffer.from(p.bytes);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    expect(refusal(() => verifyRelease({ ...p, bytes }))).toMatch(/digest mismatch/);
  });

  it("refuses a changed byte even when the digest is recomputed: the signature no longer verifies", () => {
    const p = published();
    const bytes = Buffer.from(p.bytes);
    bytes[bytes.length - 10]! ^= 0x01;
    expect(refusal(() => verifyRelease({ ...p, bytes, digest: sha256Hex(bytes), size: bytes.length }))).toMatch(
      /signature did not verify/,
    );
  });

  it("refuses a tampered signature", () => {
    const p = published();
    const signature = Buffer.from(p.signature, "base64");
    signature[0]! ^= 0x80;
    expect(refusal(() => verifyRelease({ ...p, signature: signature.toString("base64") }))).toMatch(/signature did not verify/);
  });

  it("refuses a release signed by another key", () => {
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(refusal(() => verifyRelease({ ...published(), publicKey: other }))).toMatch(/signature did not verify/);
  });

  it("refuses a version mismatch: the signature binds the version to the digest", () => {
    const p = published("2.0.0");
    // Same bytes offered as another version: its signature was made for 2.0.0.
    expect(refusal(() => verifyRelease({ ...p, version: "2.0.1" }))).toMatch(/signature did not verify/);
    // Signed for the task's version, but the package holds another.
    const signature = signFor("2.0.1", p.digest);
    expect(refusal(() => verifyRelease({ ...p, version: "2.0.1", signature }))).toMatch(/version mismatch/);
  });

  it("refuses a wrong size", () => {
    expect(refusal(() => verifyRelease({ ...published(), size: 12 }))).toMatch(/size mismatch/);
  });

  it("never packs a path outside the release folder", () => {
    expect(() => packRelease({ version: "1.0.0", files: [{ path: "../evil.mjs", content: "" }] })).toThrow(/unsafe path/);
  });
});
