// Helpers for the start-sequence tests: real child processes (openDatabase or scripts/start.ts
// under tsx) on temp folders and free ports, and the PostgreSQL processes they leave, if any.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type Child = {
  process: ChildProcess;
  output: string[];
  ready: Promise<{ url: string; port: number; attached: boolean }>;
  exited: Promise<number | null>;
  text: () => string;
};

/** The environment of a start: the test's own database settings removed, `env` added. */
export function startEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "DATA_DIR", "EMBEDDED_PG_PORT", "EMBEDDED_PG_HOME", "PORT"]) delete clean[name];
  return { ...clean, DEMO_SIMULATOR: "0", ...env };
}

/** Runs a script under tsx in one process (so kill -9 hits the process that owns PostgreSQL). */
export function runScript(script: string, env: Record<string, string>): Child {
  return runCommand(process.execPath, ["--import", "tsx", script], env);
}

/**
 * Runs a command with the output collected, as runScript does. `group`: in a process group of its
 * own (e.g. `npm start`, whose children outlive it), for killGroup().
 */
export function runCommand(command: string, args: string[], env: Record<string, string>, group = false): Child {
  const child = spawn(command, args, { env: startEnv(env), stdio: ["ignore", "pipe", "pipe"], detached: group });
  const output: string[] = [];
  let onReady: (value: string) => void;
  const readyLine = new Promise<string>((resolve) => (onReady = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        output.push(line);
        if (line.startsWith("ready ")) onReady(line.slice(6));
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const ready = Promise.race([
    readyLine.then((json) => JSON.parse(json)),
    exited.then((code) => Promise.reject(new Error(`exited with ${code} before ready:\n${output.join("\n")}`))),
  ]);
  ready.catch(() => undefined); // a test that expects a failure awaits `exited` instead
  return { process: child, output, ready, exited, text: () => output.join("\n") };
}

export const openInChild = (env: Record<string, string>) => runScript("scripts/testing/open-database-child.ts", env);

export async function stopChild(child: Child, signal: NodeJS.Signals = "SIGINT"): Promise<number | null> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  return child.exited;
}

/** SIGKILL to the whole process group of a child started with runCommand(…, group = true). */
export function killGroup(child: Child) {
  try {
    process.kill(-child.process.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Pids of PostgreSQL servers whose command line names a path under one of `dirs`. */
export function postgresUnder(...dirs: string[]): number[] {
  return dirs.flatMap((dir) => {
    try {
      return execFileSync("pgrep", ["-f", `postgres -D ${dir}`], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  });
}

export function postmasterPid(realDataDir: string): number {
  return Number(readFileSync(path.join(realDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The embedded server's superuser on database `postgres` (what only it may read, e.g. data_directory). */
export function superuserUrl(consoleUrl: string, dataDir: string): string {
  const { superuserPassword } = JSON.parse(readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")) as {
    superuserPassword: string;
  };
  const url = new URL(consoleUrl);
  url.username = "postgres";
  url.password = superuserPassword;
  url.pathname = "/postgres";
  return url.toString();
}

export async function waitUntil(check: () => boolean, timeoutMs = 15_000) {
  for (const started = Date.now(); !check();) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
