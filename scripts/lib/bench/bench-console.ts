// A throwaway console for a benchmark: its own embedded PostgreSQL in a temp folder, migrated,
// and the production build served by `next start` on a free port.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../../lib/db/embedded";
import { prismaCli } from "../database";
import { startNextConsole } from "./console-process";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type BenchDatabase = EmbeddedDatabase & { dir: string };

export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `pac-bench-${name}-`));
  chmodSync(dir, 0o755); // the postgres user runs the server and must reach its data folder
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    database: "bench",
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "shared_buffers=512MB",
    ],
  });
  prismaCli(["migrate", "deploy"], db.url, { capture: true });
  return {
    ...db,
    dir,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `next start` on a free port against `databaseUrl` (migrated by benchDatabase). */
export async function startConsole(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  return startNextConsole({ databaseUrl, port: await freePort(), env });
}
