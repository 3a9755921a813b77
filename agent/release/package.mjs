// A proxy release package (issue 17): gzip of one JSON document
//   { format: 1, version, files: [{ path, mode, sha256, content (base64) }] }
// so the daemon unpacks it with node:zlib alone. The console signs
// `pac-release:1\n<version>\n<digest>` (Ed25519), digest = SHA-256 of the package bytes, so a
// signature binds the version to exactly these bytes. Shared by the console (publish) and the
// daemon (verify before anything is written), so the format exists once.
import { createHash, createPublicKey, verify } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

export const PACKAGE_FORMAT = 1;
const MAX_UNPACKED_BYTES = 50_000_000;
const VERSION = /^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/;
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*){0,3}$/;

/** Why a release was refused; `reason` is what the console is told. */
export class ReleaseRefused extends Error {
  constructor(reason) {
    super(reason);
    this.name = "ReleaseRefused";
    this.reason = reason;
  }
}

export const sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The text a release signature covers. */
export function releaseStatement(version, digest) {
  return `pac-release:1\n${version}\n${digest}`;
}

export function isReleaseVersion(version) {
  return typeof version === "string" && version.length <= 32 && VERSION.test(version);
}

/** @param {{ version: string, files: { path: string, mode?: number, content: Buffer | string }[] }} release */
export function packRelease({ version, files }) {
  if (!isReleaseVersion(version)) throw new Error(`"${version}" is not a release version (X.Y.Z)`);
  const all = [
    ...files.filter((f) => f.path !== "release.json"),
    { path: "release.json", mode: 0o644, content: JSON.stringify({ version }) + "\n" },
  ];
  const doc = {
    format: PACKAGE_FORMAT,
    version,
    files: all.map((f) => {
      const content = Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, "utf8");
      if (!SAFE_PATH.test(f.path)) throw new Error(`unsafe path in release: ${f.path}`);
      return { path: f.path, mode: f.mode ?? 0o644, sha256: sha256Hex(content), content: content.toString("base64") };
    }),
  };
  // mtime 0 in the gzip header: the same files give the same bytes.
  return gzipSync(Buffer.from(JSON.stringify(doc), "utf8"), { level: 9 });
}

/**
 * Checks size, digest and signature against the pinned public key (SPKI PEM), then unpacks and
 * checks every file. Throws ReleaseRefused; nothing is written here.
 * @returns {{ version: string, files: { path: string, mode: number, content: Buffer }[] }}
 */
export function verifyRelease({ bytes, version, digest, signature, size, publicKey }) {
  if (!isReleaseVersion(version)) throw new ReleaseRefused(`"${version}" is not a release version`);
  if (typeof size === "number" && bytes.length !== size)
    throw new ReleaseRefused(`size mismatch: got ${bytes.length} bytes, expected ${size}`);
  const actual = sha256Hex(bytes);
  if (actual !== digest) throw new ReleaseRefused(`digest mismatch: got sha256 ${actual}, expected ${digest}`);
  let key;
  try {
    key = createPublicKey(publicKey);
  } catch (error) {
    throw new ReleaseRefused(`the install's release key is unreadable: ${error.message}`);
  }
  let good = false;
  try {
    good = verify(null, Buffer.from(releaseStatement(version, digest), "utf8"), key, Buffer.from(String(signature), "base64"));
  } catch {
    good = false;
  }
  if (!good) throw new ReleaseRefused("signature did not verify against the install's release key");
  return unpackRelease(bytes, version);
}

/** Unpacks a package whose digest and signature were checked; checks its own contents. */
export function unpackRelease(bytes, expectedVersion) {
  let doc;
  try {
    doc = JSON.parse(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }).toString("utf8"));
  } catch (error) {
    throw new ReleaseRefused(`the package cannot be unpacked: ${error.message}`);
  }
  if (doc?.format !== PACKAGE_FORMAT) throw new ReleaseRefused(`unknown package format ${doc?.format}`);
  if (expectedVersion !== undefined && doc.version !== expectedVersion)
    throw new ReleaseRefused(`version mismatch: the package holds ${doc.version}, the task named ${expectedVersion}`);
  if (!Array.isArray(doc.files) || doc.files.length === 0) throw new ReleaseRefused("the package holds no files");
  const files = doc.files.map((f) => {
    if (typeof f?.path !== "string" || !SAFE_PATH.test(f.path)) throw new ReleaseRefused(`unsafe path in package: ${f?.path}`);
    const content = Buffer.from(String(f.content), "base64");
    if (sha256Hex(content) !== f.sha256) throw new ReleaseRefused(`file ${f.path} does not match its digest`);
    return { path: f.path, mode: Number(f.mode) & 0o755, content };
  });
  const meta = files.find((f) => f.path === "release.json");
  let metaVersion = null;
  try {
    metaVersion = meta ? JSON.parse(meta.content.toString("utf8")).version : null;
  } catch {
    metaVersion = null;
  }
  if (metaVersion !== doc.version) throw new ReleaseRefused(`release.json names ${metaVersion}, the package ${doc.version}`);
  return { version: doc.version, files };
}
