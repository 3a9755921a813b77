// Issue 11, point 3: `npm start` (scripts/start.ts, run for real) refuses a busy PORT in one line
// before starting anything expensive, and a start that fails or is interrupted half-way stops
// the PostgreSQL it started.
import { chmodSync, existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/port";
import { openInChild, postgresUnder, query, runScript, stopChild, waitUntil, type Child } from "./testing/start-sequence";

describe("npm start stopping half-way", () => {
  let dir: string;
  let busy: Server;
  let busyPort: number;
  const children: Child[] = [];
  const start = (env: Record<string, string>) => {
    const child = runScript("scripts/start.ts", env);
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pac-start-"));
    chmodSync(dir, 0o755);
    busyPort = await freePort();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(busyPort, resolve)); // another program on PORT
  });

  afterAll(async () => {
    busy.close();
    await Promise.all(children.map((child) => stopChild(child, "SIGKILL")));
    for (const pid of postgresUnder(realpathSync(dir))) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("names PORT in one line when the port is taken, before PostgreSQL starts", { timeout: 60_000 }, async () => {
    const dataDir = path.join(dir, "busy", ".data");
    const child = start({ PORT: String(busyPort), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await child.exited).toBe(1);
    expect(child.output).toEqual([
      `[console] port ${busyPort} is already in use by another program: stop it, or set PORT to a free port, e.g. PORT=${busyPort + 1} npm start`,
    ]);
    expect(existsSync(dataDir)).toBe(false);
    expect(postgresUnder(realpathSync(dir))).toEqual([]);
  });

  it("stops its PostgreSQL when a later step fails", { timeout: 120_000 }, async () => {
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: path.join(dir, "broken", ".data"),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    // A database whose migration table is not Prisma's: `prisma migrate deploy` fails on it.
    const prepare = openInChild(env);
    await query((await prepare.ready).url, "CREATE TABLE _prisma_migrations (unrelated int)");
    expect(await stopChild(prepare)).toBe(0);

    const child = start(env);
    expect(await child.exited).toBe(1);
    expect(child.text()).toContain("[console] PostgreSQL started on port");
    expect(child.output.at(-1)).toBe(
      "[console] applying the migrations failed (prisma migrate deploy, its error is above): fix the database named there",
    );
    expect(child.text()).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // no JavaScript stack trace
    expect(postgresUnder(realpathSync(dir))).toEqual([]);
  });

  it("stops its PostgreSQL on Ctrl-C during the start", { timeout: 120_000 }, async () => {
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: path.join(dir, "interrupted", ".data"),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    const child = start(env);
    await waitUntil(() => child.output.includes("[console] applying migrations"), 60_000);
    expect(postgresUnder(realpathSync(dir))).toHaveLength(1);
    expect(await stopChild(child, "SIGINT")).toBe(0);
    expect(postgresUnder(realpathSync(dir))).toEqual([]);
  });
});
