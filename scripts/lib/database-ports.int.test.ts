// Issue 11, point 2: a checkout uses only its own embedded PostgreSQL. A second checkout whose
// port is taken gets a server of its own on a free port, remembered in its DATA_DIR (which the
// Prisma CLI follows too); a second script in the same checkout shares the running server.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/port";
import { openInChild, postgresUnder, query, startEnv, stopChild, superuserUrl, type Child } from "../testing/start-sequence";

describe("two checkouts on the same PostgreSQL port", () => {
  let dir: string;
  let port: number;
  const children: Child[] = [];
  const open = (env: Record<string, string>) => {
    const child = openInChild(env);
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pac-ports-"));
    chmodSync(dir, 0o755); // reachable by the postgres user: this test is about ports
    port = await freePort();
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => stopChild(child, "SIGTERM")));
    for (const pid of postgresUnder(realpathSync(dir))) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("never serves one checkout's database to the other", { timeout: 120_000 }, async () => {
    const [a, b] = [path.join(dir, "a", ".data"), path.join(dir, "b", ".data")];
    const first = open({ DATA_DIR: a, EMBEDDED_PG_PORT: String(port) });
    const one = await first.ready;
    expect(one).toMatchObject({ port, attached: false });
    await query(one.url, "CREATE TABLE only_in_a (id int)");

    // A second script of the same checkout (npm run admin while npm start runs) shares the server.
    const sibling = open({ DATA_DIR: a, EMBEDDED_PG_PORT: String(port) });
    expect(await sibling.ready).toMatchObject({ port, attached: true });
    expect(await stopChild(sibling)).toBe(0);
    expect(await query(one.url, "SELECT count(*)::int AS n FROM only_in_a")).toEqual([{ n: 0 }]);

    const second = open({ DATA_DIR: b, EMBEDDED_PG_PORT: String(port) });
    const two = await second.ready;
    expect(two.attached).toBe(false);
    expect(two.port).not.toBe(port);
    expect(second.text()).toContain(`port ${port} is taken by another program`);
    expect(readFileSync(path.join(b, "pg-port"), "utf8").trim()).toBe(String(two.port));
    const dataDirOf = async (url: string, dataDir: string) =>
      (await query<{ data_directory: string }>(superuserUrl(url, dataDir), "SHOW data_directory"))[0]!.data_directory;
    expect(await dataDirOf(two.url, b)).toBe(path.join(realpathSync(b), "pg"));
    expect(await dataDirOf(one.url, a)).toBe(path.join(realpathSync(a), "pg"));
    expect(await query(two.url, "SELECT to_regclass('only_in_a') AS t")).toEqual([{ t: null }]);

    // The Prisma CLI without DATABASE_URL (prisma.config.ts) finds b's server on its remembered port.
    const prisma = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: startEnv({ DATA_DIR: b }),
      encoding: "utf8",
    });
    expect(prisma.status, prisma.stdout + prisma.stderr).toBe(0);
    const migrated = "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS migrated";
    expect(await query(two.url, migrated)).toEqual([{ migrated: true }]);
    expect(await query(one.url, migrated)).toEqual([{ migrated: false }]);

    // Started again without EMBEDDED_PG_PORT, b comes back on the port it remembered.
    expect(await stopChild(second)).toBe(0);
    const again = open({ DATA_DIR: b });
    expect(await again.ready).toMatchObject({ port: two.port, attached: false });
    expect(await stopChild(again)).toBe(0);
    expect(await stopChild(first)).toBe(0);
    expect(postgresUnder(realpathSync(dir))).toEqual([]);
  });
});
