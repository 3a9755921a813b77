// A throwaway console for benchmarks and end-to-end checks: `tsx scripts/start.ts` on free
// ports with a fresh embedded PostgreSQL in a temp folder, no demo data. stop() ends the whole
// process group and removes the folder.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { defaultDatabaseUrl } from "../../../lib/db/url";
import pg from "pg";
import { logTail, startNextConsole, stopProcess, waitForHealth, type ConsoleProcess } from "../bench/console-process";

export type OwnConsole = {
  url: string;
  databaseUrl: string;
  dataDir: string;
  logFile: string;
  /** The settings it was started with (options.env), which further instances share. */
  env: Record<string, string>;
  /** The process group of the console and its PostgreSQL (the start script's pid). */
  group: number;
  stop: () => Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `next start` needs a production build; make one when there is none. */
export function ensureBuild(log: (line: string) => void) {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  log("no production build (.next/BUILD_ID): running next build");
  execFileSync(path.resolve("node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export async function startOwnConsole(options: {
  env?: Record<string, string>;
  log: (line: string) => void;
}): Promise<OwnConsole> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pac-console-"));
  // Run as root, PostgreSQL runs as the "postgres" user and must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const logFile = path.join(dataDir, "console.log");
  const out = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  Object.assign(env, { DEMO_DATA: "0", LOG_LEVEL: "warn", ...options.env });
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env,
    stdio: ["ignore", out, out],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await stopProcess(child, true); // the whole group: the start script, next and PostgreSQL
    rmSync(dataDir, { recursive: true, force: true });
  };

  options.log(`starting a console on ${url} (data in ${dataDir}, log ${logFile})`);
  try {
    await waitForHealth(url, child);
  } catch (error) {
    const tail = logTail(logFile);
    await stop();
    throw new Error(`${(error as Error).message}; the end of its log:\n${tail}`);
  }
  return {
    url,
    // The console's own role, with the password its start kept in DATA_DIR (issue 15).
    databaseUrl: defaultDatabaseUrl(dataDir, pgPort),
    dataDir,
    logFile,
    env: options.env ?? {},
    group: child.pid!,
    stop,
  };
}

/** An admin API token for the console, made with the admin CLI on its database. */
export function createAdminToken(databaseUrl: string, name: string): string {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["scripts/admin.ts", "create-token", "--name", name, "--role", "admin"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return out.trim().split("\n").at(-1)!.trim();
}

/**
 * More console processes on the same database as `own` (several instances behind a load
 * balancer): `next start` on each of `ports`, with no PostgreSQL and no migrations of their own,
 * signing sessions with the secret the first instance keeps in the database. Stop them before
 * `own` (which stops PostgreSQL).
 */
export async function startMoreInstances(
  own: OwnConsole,
  ports: number[],
  options: { env?: Record<string, string>; log: (line: string) => void } = { log: () => undefined },
): Promise<ConsoleProcess[]> {
  const client = new pg.Client({ connectionString: own.databaseUrl });
  await client.connect();
  let secret: string;
  try {
    const { rows } = await client.query<{ value: string }>(
      "SELECT value #>> '{}' AS value FROM app_setting WHERE key = 'auth_secret'",
    );
    if (!rows[0]) throw new Error("the first console has not stored its auth secret (auth_secret) yet");
    secret = rows[0].value;
  } finally {
    await client.end();
  }
  const started: ConsoleProcess[] = [];
  try {
    for (const port of ports) {
      const logFile = path.join(own.dataDir, `console-${port}.log`);
      options.log(`starting another console instance on http://127.0.0.1:${port} (log ${logFile})`);
      const env = { DEMO_DATA: "0", LOG_LEVEL: "warn", ...own.env, ...options.env, BETTER_AUTH_SECRET: secret };
      started.push(await startNextConsole({ databaseUrl: own.databaseUrl, port, env, logFile }));
    }
  } catch (error) {
    await Promise.all(started.map((c) => c.stop()));
    throw error;
  }
  return started;
}
