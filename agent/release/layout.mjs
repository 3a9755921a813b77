// Where releases live in an install (issue 17), shared by the launcher and the daemon:
//   $ROOT/bin/                 the version the install script put there (and the launcher)
//   $ROOT/releases/<version>/  each upgrade, unpacked beside the others
//   $ROOT/current.json         { version, dir, previous: { version, dir } | null, trial? }: what runs
//   $ROOT/staged.json          { version, dir }: verified and unpacked, waiting for the switch
//   $ROOT/upgrade-report.json  { version, outcome: "rolled_back" | "refused", reason, at }: told
//                              to the console with the next heartbeats, then removed
//   $ROOT/release-key.pem      the console's release-signing public key, pinned at install
// $ROOT is the folder of the config file. Every JSON file is written to a temporary name and renamed.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Exit code of a daemon that staged an upgrade: the launcher switches and starts the new version. */
export const EXIT_UPGRADE = 75;

export const layoutOf = (root) => ({
  root,
  releases: path.join(root, "releases"),
  current: path.join(root, "current.json"),
  staged: path.join(root, "staged.json"),
  report: path.join(root, "upgrade-report.json"),
  key: path.join(root, "release-key.pem"),
});

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export function writeJsonAtomic(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 });
  renameSync(tmp, file);
}

export const removeFile = (file) => rmSync(file, { force: true });

/** The version of the program this module belongs to (its release.json), or null in a checkout. */
export function runningVersion() {
  const meta = readJson(fileURLToPath(new URL("../release.json", import.meta.url)));
  return typeof meta?.version === "string" ? meta.version : null;
}
