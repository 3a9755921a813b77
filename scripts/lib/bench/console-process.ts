// One way to start a console process for benches and checks and know it is up: `next start` of
// the production build against a database that is already migrated, and a wait for
// /api/health that gives up early when the process exits.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";

export type ConsoleProcess = { url: string; port: number; pid: number; logFile: string | null; stop: () => Promise<void> };

/** The last lines of a log file, for an error message. */
export function logTail(file: string | null, lines = 30): string {
  if (!file || !existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * Resolves once `${url}/api/health` answers 200 (the instance reaches PostgreSQL); rejects when
 * `child` exits first or `timeoutMs` passes.
 */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  for (const until = Date.now() + timeoutMs; ;) {
    if (exited()) throw new Error(`the console at ${url} exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the console at ${url} was not healthy within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Sends SIGTERM (SIGKILL after 15 s) and resolves when the process has exited. */
export function stopProcess(child: ChildProcess, signalGroup = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (signalGroup) process.kill(-child.pid!, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    kill("SIGTERM");
  });
}

export function assertBuilt() {
  if (!existsSync(path.join(".next", "BUILD_ID")))
    throw new Error("No production build: run `npx next build` first (npm run bench:* needs one).");
}

/**
 * `next start -p port -H host` on a database someone else migrated: no PostgreSQL of its own and
 * no migrations, so any number of these can share one DATABASE_URL. `env` must carry
 * BETTER_AUTH_SECRET (the one every instance of that database shares). The process ends with
 * its parent (exit-with-parent.cjs), even when the parent is killed.
 */
export async function startNextConsole(options: {
  databaseUrl: string;
  port: number;
  host?: string;
  env?: Record<string, string>;
  logFile?: string;
  timeoutMs?: number;
}): Promise<ConsoleProcess> {
  assertBuilt();
  const host = options.host ?? "127.0.0.1";
  const out = options.logFile ? openSync(options.logFile, "a") : "ignore";
  const child = spawn(
    process.execPath,
    [
      "--require",
      path.resolve("scripts/lib/exit-with-parent.cjs"),
      path.resolve("node_modules/.bin/next"),
      "start",
      "-p",
      String(options.port),
      "-H",
      host,
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        ...options.env,
        DATABASE_URL: options.databaseUrl,
        PORT: String(options.port),
      },
      stdio: ["ignore", out, options.logFile ? out : "inherit", "ipc"],
    },
  );
  const url = `http://${host}:${options.port}`;
  const stop = () => stopProcess(child);
  try {
    await waitForHealth(url, child, options.timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; the end of its log:\n${logTail(options.logFile ?? null)}`);
  }
  return { url, port: options.port, pid: child.pid!, logFile: options.logFile ?? null, stop };
}
