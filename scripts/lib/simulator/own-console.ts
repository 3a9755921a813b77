// A throwaway console for benchmarks and end-to-end checks: `tsx scripts/start.ts` on free
// ports with a fresh embedded PostgreSQL in a temp folder, no demo data. stop() ends the whole
// process group and removes the folder.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { sleep } from "../../../agent/protocol.mjs";

export type OwnConsole = {
  url: string;
  databaseUrl: string;
  dataDir: string;
  logFile: string;
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const fail = async (problem: string) => {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
    await stop();
    return new Error(`${problem}; the end of its log:\n${tail}`);
  };

  options.log(`starting a console on ${url} (data in ${dataDir}, log ${logFile})`);
  for (let waited = 0; ; waited++) {
    if (child.exitCode !== null) {
      throw await fail(`the console exited with code ${child.exitCode} during start`);
    }
    try {
      await fetch(`${url}/api/v1/agent-dist/log.mjs`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (waited > 300) {
        throw await fail("the console did not answer within 5 minutes");
      }
      await sleep(1000);
    }
  }
  return {
    url,
    databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/proxy_access`,
    dataDir,
    logFile,
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
