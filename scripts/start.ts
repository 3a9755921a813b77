// npm start — the zero-setup console (SPEC §6): PostgreSQL (embedded when DATABASE_URL is
// unset), migrations, demo data once, a production build if there is none, then `next start`.
// npm run dev — the same, with `next dev`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { migrate, openDatabase } from "./lib/database";
import { DEMO_USERS } from "./lib/seed-demo";
import { seedIfEmpty } from "./lib/seed-once";
import { startDemoSimulator, type DemoSimulator } from "./lib/simulator/demo";
import { ensureAuthSecret, ensureFirstAdmin } from "../lib/auth/bootstrap";
import { disconnectDb } from "../lib/db/client";
import { syncReleases } from "../lib/proxies/releases";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const say = (line: string) => console.log(`[console] ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const usingEmbedded = !process.env.DATABASE_URL;
const database = await openDatabase(say);
// Telemetry would only try to reach the internet from a closed network.
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, DATABASE_URL: database.url };

say("applying migrations");
migrate(database.url);
await syncReleases();
const demo = await seedIfEmpty(usingEmbedded, say);
await ensureFirstAdmin(say);
// Every instance sharing the database signs sessions with the same secret.
env.BETTER_AUTH_SECRET ??= await ensureAuthSecret();
await disconnectDb();

const next = path.resolve("node_modules/.bin/next");
if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
  say("no production build found: building (next build)");
  const code = await run(next, ["build"], { ...env, NODE_ENV: "production" });
  if (code !== 0) {
    await database.stop();
    process.exit(code);
  }
}

say(`serving on http://localhost:${port}${usingEmbedded ? " (embedded PostgreSQL)" : ""}`);
if (demo)
  say(
    `demo data: sign in at http://localhost:${port}/sign-in as ${DEMO_USERS[0].email} / ${DEMO_USERS[0].password} (see README for the operator and viewer logins)`,
  );
const server = spawn(next, [dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });

// The demo fleet heartbeats through the real agent protocol, so the demo's statuses are live.
// Only on the demo database; DEMO_SIMULATOR=0 turns it off.
let simulator: DemoSimulator | null = null;
// Declared before the health wait below reads it (a later `let` is in its temporal dead zone).
let stopping = false;
if (demo && usingEmbedded && !dev && process.env.DEMO_SIMULATOR !== "0") {
  void waitForHealth(`http://127.0.0.1:${port}`).then((up) => {
    if (!up || stopping) return;
    say("starting the demo fleet simulator (DEMO_SIMULATOR=0 turns it off)");
    simulator = startDemoSimulator({ url: `http://127.0.0.1:${port}`, log: (line) => console.log(`[simulator] ${line}`), env });
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

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await simulator?.stop();
  server.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));
