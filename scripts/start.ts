// npm start — the zero-setup console (SPEC §6): PostgreSQL (embedded when DATABASE_URL is
// unset), migrations, demo data once, a production build if there is none, then `next start`.
// npm run dev — the same, with `next dev`. Whatever stops the start half-way (a failure,
// Ctrl-C, SIGTERM) also stops the PostgreSQL it started.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { migrate, openDatabase } from "./lib/database";
import { DEMO_USERS } from "./lib/seed-demo";
import { seedIfEmpty } from "./lib/seed-once";
import { startDemoSimulator, type DemoSimulator } from "./lib/simulator/demo";
import { httpPort, oneLine } from "./lib/start-checks";
import { ensureAuthSecret, ensureFirstAdmin } from "../lib/auth/bootstrap";
import { disconnectDb } from "../lib/db/client";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { StartupError } from "../lib/db/startup-error";
import { publishInitialRelease } from "../lib/releases/initial-release";

const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`[console] ${line}`);

const children = new Set<ChildProcess>();
let database: EmbeddedDatabase | undefined;
let simulator: DemoSimulator | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await simulator?.stop();
  await Promise.all([...children].map(stopChild)); // the web server before its database
  await database?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    track(spawn(command, args, { stdio: "inherit", env })).once("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHealth(url: string): Promise<boolean> {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  const port = await httpPort(); // before anything expensive
  const host = process.env.HOST?.trim() || null;
  // Where this process reaches the console it starts.
  const localHost = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const usingEmbedded = !process.env.DATABASE_URL;
  database = await openDatabase(say);
  // Telemetry would only try to reach the internet from a closed network.
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, DATABASE_URL: database.url };

  say("applying migrations");
  try {
    migrate(database.url);
  } catch {
    throw new StartupError(
      "applying the migrations failed (prisma migrate deploy, its error is above): fix the database named there",
    );
  }
  const demo = await seedIfEmpty(usingEmbedded, say);
  await publishInitialRelease(say);
  await ensureFirstAdmin(say);
  // Every instance sharing the database signs sessions with the same secret.
  env.BETTER_AUTH_SECRET ??= await ensureAuthSecret();
  await disconnectDb();

  const next = path.resolve("node_modules/.bin/next");
  if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
    say("no production build found: building (next build)");
    const code = await run(next, ["build"], { ...env, NODE_ENV: "production" });
    if (code !== 0 && !stopping) throw new Error(`next build failed (exit code ${code}): see its output above`);
  }
  if (stopping) return;

  say(`serving on http://${host ? localHost : "localhost"}:${port}${usingEmbedded ? " (embedded PostgreSQL)" : ""}`);
  if (demo)
    say(
      `demo data: sign in at http://localhost:${port}/sign-in as ${DEMO_USERS[0].email} / ${DEMO_USERS[0].password} (see README for the operator and viewer logins)`,
    );
  const endsWithUs = path.resolve("scripts/lib/exit-with-parent.cjs");
  // HOST: the address to listen on (all interfaces by default); 127.0.0.1 keeps the console off
  // every network, e.g. behind a load balancer on the same machine.
  const hostArgs = host ? ["-H", host] : [];
  const server = track(
    spawn(process.execPath, ["--require", endsWithUs, next, dev ? "dev" : "start", "-p", String(port), ...hostArgs], {
      stdio: ["inherit", "inherit", "inherit", "ipc"],
      env,
    }),
  );
  server.on("exit", (code) => void shutdown(code ?? 0));

  // The demo fleet heartbeats through the real agent protocol, so the demo's statuses are live.
  // Only on the demo database; DEMO_SIMULATOR=0 turns it off.
  if (demo && usingEmbedded && !dev && process.env.DEMO_SIMULATOR !== "0") {
    void waitForHealth(`http://${localHost}:${port}`).then((up) => {
      if (!up || stopping) return;
      say("starting the demo fleet simulator (DEMO_SIMULATOR=0 turns it off)");
      simulator = startDemoSimulator({
        url: `http://${localHost}:${port}`,
        log: (line) => console.log(`[simulator] ${line}`),
        env,
      });
    });
  }
}

main().catch((error: unknown) => {
  if (!stopping) console.error(`[console] ${oneLine(error)}`);
  void shutdown(1);
});
