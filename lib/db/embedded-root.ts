// Run as root, PostgreSQL runs as the `postgres` user (it refuses to run as root), and that user
// cannot enter a mode-700 folder such as /root. When it cannot reach the binaries in node_modules
// or the data folder's parent, they go under EMBEDDED_PG_HOME (/var/lib/proxy-access-console):
// one copy of the binaries per PostgreSQL build, and the data, linked from its usual place.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { realpathSync, renameSync, rmSync, rmdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import type { RunAs } from "./postgres-server";
import { StartupError } from "./startup-error";

export type Placement = { binDir: string; dataDir: string; runAs?: RunAs };
type Log = (line: string) => void;

const home = () => path.resolve(process.env.EMBEDDED_PG_HOME ?? "/var/lib/proxy-access-console");
const canRun = (file: string, runAs: RunAs) => spawnSync(file, ["--version"], { ...runAs, stdio: "ignore" }).status === 0;
const canEnter = (dir: string, runAs: RunAs) =>
  spawnSync("/bin/sh", ["-c", 'cd -- "$1"', "sh", dir], { ...runAs, stdio: "ignore" }).status === 0;

function postgresUser(): RunAs {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "pipe" });
      execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"], { stdio: "pipe" });
      return { uid: id("-u"), gid: id("-g") };
    } catch {
      throw new StartupError(
        "run as root, PostgreSQL needs a `postgres` user to run as, and creating one failed: create it (useradd --system postgres) or start the console as another user",
      );
    }
  }
}

/** The first folder on the way to `dir` that `runAs` cannot enter, for the log line. */
function blocker(dir: string, runAs: RunAs): string {
  const parts = dir.split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = path.sep + parts.slice(0, i).join(path.sep);
    if (!canEnter(prefix, runAs)) return prefix;
  }
  return dir;
}

function ensureHome(runAs: RunAs, ...sub: string[]): string {
  const dir = path.join(home(), ...sub);
  // Only the folders made here are opened up (a umask of 077 would leave them 700).
  const first = mkdirSync(dir, { recursive: true });
  for (let d = dir; first && d.length >= first.length; d = path.dirname(d)) chmodSync(d, 0o755);
  if (!canEnter(dir, runAs))
    throw new StartupError(`the postgres user cannot enter ${dir} either: set EMBEDDED_PG_HOME to a folder every user can enter`);
  return dir;
}

function reachableBinDir(binDir: string, runAs: RunAs, log: Log): string {
  if (canRun(path.join(binDir, "postgres"), runAs) && canRun(path.join(binDir, "initdb"), runAs)) return binDir;
  const build = createHash("sha256")
    .update(readFileSync(path.join(binDir, "postgres")))
    .digest("hex")
    .slice(0, 12);
  const copy = path.join(home(), `postgres-${build}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    log(`the postgres user cannot reach ${binDir} (${blocker(binDir, runAs)}): copying PostgreSQL's binaries to ${copy}`);
    const staging = path.join(ensureHome(runAs), `.postgres-${build}-${process.pid}`);
    cpSync(path.dirname(binDir), staging, { recursive: true, verbatimSymlinks: true });
    execFileSync("chmod", ["-R", "a+rX", staging]);
    if (existsSync(copy))
      rmSync(staging, { recursive: true, force: true }); // another start was quicker
    else renameSync(staging, copy);
  }
  const bin = path.join(copy, "bin");
  if (!canRun(path.join(bin, "postgres"), runAs))
    throw new StartupError(`the postgres user cannot run ${bin}/postgres: remove ${copy} and start again`);
  return bin;
}

function reachableDataDir(dataDir: string, runAs: RunAs, log: Log): string {
  const parent = path.dirname(dataDir);
  const stat = lstatSync(dataDir, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    if (!existsSync(dataDir))
      throw new StartupError(`${dataDir} links to a folder that is gone: remove ${dataDir} to start with an empty database`);
    const target = realpathSync(dataDir);
    log(`PostgreSQL's data is in ${target}, linked from ${dataDir} (see "Running as root" in the README)`);
    return target;
  }
  mkdirSync(parent, { recursive: true });
  if (canEnter(parent, runAs)) return path.join(realpathSync(parent), path.basename(dataDir));
  const why = `the postgres user cannot enter ${blocker(parent, runAs)}`;
  if (stat) {
    if (readdirSync(dataDir).length > 0)
      throw new StartupError(`${why}, where ${dataDir} holds data: move it (or set DATA_DIR) to a folder every user can enter`);
    rmdirSync(dataDir); // left empty by a start that failed there
  }
  const name = `${parent
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(-60)}-${randomBytes(4).toString("hex")}`;
  const target = path.join(ensureHome(runAs, "data", name), "pg");
  symlinkSync(target, dataDir);
  log(`${why}: PostgreSQL's data goes to ${target}, linked from ${dataDir} (see "Running as root" in the README)`);
  return target;
}

/** Where the binaries and data must be, and whom to run them as, for this process's user. */
export function placeForPostgres(binDir: string, dataDir: string, log: Log): Placement {
  if (process.getuid?.() !== 0) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    return { binDir, dataDir: path.join(realpathSync(path.dirname(dataDir)), path.basename(dataDir)) };
  }
  const runAs = postgresUser();
  return { binDir: reachableBinDir(binDir, runAs, log), dataDir: reachableDataDir(dataDir, runAs, log), runAs };
}
