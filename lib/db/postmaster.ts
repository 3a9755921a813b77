// What a data folder's postmaster.pid says about the server on it. A live server whose parent
// (the script that started it) is alive is shared with that script; one whose parent died
// (kill -9 of `npm start`) is orphaned; a pid that no longer runs PostgreSQL left a stale file.
// The file of a live server is never deleted: it is what stops a second postmaster on the data.
import { readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { StartupError } from "./startup-error";

export type Postmaster = { pid: number; port: number; status: string };
export type ServerState = { kind: "none" } | { kind: "stale"; pid: number } | ({ kind: "live"; orphaned: boolean } & Postmaster);

/** Lines of postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status. */
export function readPostmaster(dataDir: string): Postmaster | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? "").trim() };
}

function procText(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a PostgreSQL server working in `dataDir` (the postmaster chdirs into it). */
function isPostgresOn(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const comm = procText(pid, "comm");
  if (comm === undefined || !comm.startsWith("postgres")) return false;
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return true; // not ours to inspect (another user): a postgres with this pid, so assume live
  }
}

function parentOf(pid: number): number {
  const stat = procText(pid, "stat") ?? "";
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? 0);
}

export function serverState(dataDir: string): ServerState {
  const postmaster = readPostmaster(dataDir);
  if (!postmaster) return { kind: "none" };
  if (!isPostgresOn(postmaster.pid, dataDir)) return { kind: "stale", pid: postmaster.pid };
  // Reparented to init (or a subreaper) when the starting script died without stopping it.
  const parent = parentOf(postmaster.pid);
  const orphaned = parent <= 1 || !(procText(parent, "comm") ?? "").startsWith("node");
  return { kind: "live", orphaned, ...postmaster };
}

export function removeStalePidFile(dataDir: string, pid: number) {
  // Checked again right before: a postgres may have started on the data in the meantime.
  if (isPostgresOn(pid, dataDir)) return;
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Fast shutdown (SIGINT) of a server that is not our child; PostgreSQL removes its pid file. */
export async function stopServer(pid: number, dataDir: string, timeoutMs = 30_000) {
  process.kill(pid, "SIGINT");
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    if (!alive(pid)) return;
    await sleep(100);
  }
  throw new StartupError(
    `PostgreSQL (pid ${pid}) on ${dataDir} did not stop within ${timeoutMs / 1000} s: stop it (kill ${pid}) and start again`,
  );
}
