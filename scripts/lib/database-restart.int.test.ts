// Issue 11, point 6: after kill -9 of the start process its PostgreSQL keeps running (orphaned);
// the next start stops it and starts its own, with the data intact. After PostgreSQL itself
// was killed too, the stale postmaster.pid it left does not block the next start.
import { chmodSync, existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/port";
import { openInChild, postgresUnder, postmasterPid, query, stopChild, waitUntil, type Child } from "../testing/start-sequence";

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe("starting again after a crash", () => {
  let dir: string;
  let env: Record<string, string>;
  const children: Child[] = [];
  const open = () => {
    const child = openInChild(env);
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pac-restart-"));
    chmodSync(dir, 0o755);
    env = { DATA_DIR: path.join(dir, ".data"), EMBEDDED_PG_PORT: String(await freePort()) };
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => stopChild(child, "SIGKILL")));
    for (const pid of postgresUnder(realpathSync(dir))) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("comes up again with the data after kill -9, first of the start, then of PostgreSQL too", { timeout: 120_000 }, async () => {
    const data = path.join(realpathSync(dir), ".data", "pg");
    const first = open();
    const { url } = await first.ready;
    await query(url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the crash')");
    const orphan = postmasterPid(data);

    expect(await stopChild(first, "SIGKILL")).toBe(null);
    expect(alive(orphan)).toBe(true); // the start died; its PostgreSQL did not

    const second = open();
    const two = await second.ready;
    expect(second.text()).toContain(`stopping PostgreSQL (pid ${orphan}`);
    expect(alive(orphan)).toBe(false);
    expect(two.attached).toBe(false);
    expect(await query(two.url, "SELECT note FROM kept")).toEqual([{ note: "before the crash" }]);

    const crashed = postmasterPid(data);
    expect(await stopChild(second, "SIGKILL")).toBe(null);
    process.kill(crashed, "SIGKILL");
    await waitUntil(() => !alive(crashed));
    expect(existsSync(path.join(data, "postmaster.pid"))).toBe(true); // stale, naming a dead pid

    const third = open();
    const three = await third.ready;
    expect(third.text()).toContain(`removing the postmaster.pid a crashed PostgreSQL left in ${data} (pid ${crashed} is gone)`);
    expect(await query(three.url, "SELECT note FROM kept")).toEqual([{ note: "before the crash" }]);
    expect(await stopChild(third)).toBe(0);
    expect(postgresUnder(realpathSync(dir))).toEqual([]);
  });
});
