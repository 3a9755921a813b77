// The daemon's half of an upgrade (issue 17): download the release named by an `upgrade` task
// (through the protocol client, so through this agent's proxy and with its failover), verify
// size, digest and signature against the install's pinned key BEFORE writing anything, unpack it
// beside the running version and mark it staged. The launcher switches to it when the daemon exits
// with EXIT_UPGRADE. A release that does not verify is refused: never written, never run, and the
// refusal is kept in upgrade-report.json for the next heartbeats.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ReleaseRefused, isReleaseVersion, verifyRelease } from "./package.mjs";
import { layoutOf, writeJsonAtomic } from "./layout.mjs";

/** Writes the verified files into releases/<version> (via a temporary folder and a rename). */
export function installRelease(root, release) {
  const { releases } = layoutOf(root);
  const dir = path.join(releases, release.version);
  const tmp = `${dir}.staging-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const f of release.files) {
    const file = path.join(tmp, f.path);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, f.content, { mode: f.mode || 0o644 });
    chmodSync(file, f.mode || 0o644);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

/**
 * @param {{ client: { downloadRelease(version: string): Promise<Buffer> }, root: string,
 *           payload: { version: string, digest: string, signature: string, size?: number }, log: object }} options
 * @returns {Promise<{ version: string, dir: string }>} throws ReleaseRefused when it must not run
 */
export async function stageUpgrade({ client, root, payload, log }) {
  const { version, digest, signature, size } = payload ?? {};
  if (!isReleaseVersion(version)) throw new ReleaseRefused(`the upgrade task names no valid version (${version})`);
  if (typeof digest !== "string" || typeof signature !== "string")
    throw new ReleaseRefused("the upgrade task carries no digest and signature");
  const layout = layoutOf(root);
  let publicKey;
  try {
    publicKey = readFileSync(layout.key, "utf8");
  } catch {
    throw new ReleaseRefused(`this install has no release key (${layout.key}); run the install command again`);
  }
  log.info("downloading release", { version, size });
  const bytes = await client.downloadRelease(version);
  const release = verifyRelease({ bytes, version, digest, signature, size, publicKey });
  const dir = installRelease(root, release);
  writeJsonAtomic(layout.staged, { version, dir });
  log.info("release verified and staged", { version, dir, digest });
  return { version, dir };
}
