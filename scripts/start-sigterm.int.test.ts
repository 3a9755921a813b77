// Issue 15, point 4: a console stopped with SIGTERM (npm start → scripts/start.ts → next start,
// run for real on the production build, the signal sent to npm) finishes the requests in flight, refuses new
// connections at once, stops its background jobs and exits within the bound (10 s); a request
// still running at SHUTDOWN_GRACE_SECONDS is cut off instead of holding the stop, and what it
// was changing is rolled back. A request is kept in flight honestly: it changes a cluster whose
// row the test holds locked in a transaction of its own, so the database answers when the test
// lets go.
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/port";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { ensureProductionBuild } from "./testing/production-build";
import { killGroup, runCommand, type Child } from "./testing/start-sequence";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when a new TCP connection to `port` is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

async function healthy(url: string, child: Child, timeoutMs = 240_000) {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(500)) {
    if (child.process.exitCode !== null) throw new Error(`the console exited:\n${child.text()}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
  throw new Error(`the console was not healthy in time:\n${child.text()}`);
}

/** Unhandled errors, or anything logged at level error or above (pino: 50+). */
function problems(child: Child): string[] {
  return child.output.filter((line) => /unhandled|uncaught|"level":(50|60)|^\s+at .*:\d+:\d+\)?$/i.test(line));
}

/** Holds a cluster's row locked until released: a change to it waits on the database. */
async function lockRow(clusterId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT 1 FROM proxy_cluster WHERE id = $1 FOR UPDATE", [clusterId]);
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

describe("SIGTERM: a graceful stop within a bound", () => {
  let token: string;
  const children: Child[] = [];

  beforeAll(async () => {
    await ensureProductionBuild();
    token = await apiToken("operator");
  }, 900_000);

  afterAll(async () => {
    for (const child of children) killGroup(child);
  });

  /** npm start on the test database. */
  async function startConsole(env: Record<string, string> = {}) {
    const port = await freePort();
    // npm start itself: the signal reaches npm, which passes it on to scripts/start.ts (exec).
    const child = runCommand(
      "npm",
      ["start"],
      {
        DATABASE_URL: process.env.DATABASE_URL!,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        ...env,
      },
      true,
    );
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await healthy(url, child);
    return { child, url, port };
  }

  const describeCluster = (url: string, id: string, description: string) =>
    fetch(`${url}/api/v1/clusters/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ description }),
    }).then(
      (r) => ({ status: r.status }),
      (error: unknown) => ({ status: 0, error: String((error as Error)?.cause ?? error) }),
    );

  it("finishes the request in flight, refuses new connections and exits within 10 s", { timeout: 300_000 }, async () => {
    const cluster = await makeCluster();
    const { child, url, port } = await startConsole();
    const release = await lockRow(cluster.id); // the database answers this change in ~2.5 s
    let answered = false;
    const inFlight = describeCluster(url, cluster.id, "changed while stopping").finally(() => (answered = true));
    await sleep(300);
    const signalled = Date.now();
    child.process.kill("SIGTERM");
    const released = sleep(2_500).then(release);
    // While that request waits, a new connection is refused (the signal goes through npm start).
    let refusedWhileInFlight = false;
    while (!answered && !refusedWhileInFlight) {
      refusedWhileInFlight = await refused(port);
      if (!refusedWhileInFlight) await sleep(100);
    }
    expect(refusedWhileInFlight).toBe(true);
    expect(await inFlight).toEqual({ status: 200 });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2_000); // it did wait for the database
    expect(await child.exited).toBe(0);
    const stoppedAfter = Date.now() - signalled;
    console.log(`stopped ${stoppedAfter} ms after SIGTERM`);
    expect(stoppedAfter).toBeLessThan(10_000);
    await released;
    expect((await db().proxyCluster.findUniqueOrThrow({ where: { id: cluster.id } })).description).toBe("changed while stopping");
    expect(child.text()).toContain("stopping: no new connections, finishing the requests in flight");
    expect(problems(child)).toEqual([]);
  });

  it("a request running past SHUTDOWN_GRACE_SECONDS is cut off instead of holding the stop", { timeout: 300_000 }, async () => {
    const cluster = await makeCluster({ description: "before" });
    const { child, url } = await startConsole({ SHUTDOWN_GRACE_SECONDS: "2" });
    const release = await lockRow(cluster.id); // held past the bound
    const inFlight = describeCluster(url, cluster.id, "cut off");
    await sleep(300);
    const signalled = Date.now();
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(1_800);
    expect(took).toBeLessThan(5_000);
    expect((await inFlight).status).toBe(0); // the connection closed without an answer
    expect(child.text()).toContain("stopping: requests still running at the bound are cut off");
    await release();
    // The change cut off was a transaction never committed: nothing of it remains.
    await sleep(500);
    expect((await db().proxyCluster.findUniqueOrThrow({ where: { id: cluster.id } })).description).toBe("before");
  });
});
