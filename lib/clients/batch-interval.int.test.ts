// R12 in PostgreSQL: batches to a cluster more than the interval apart under 100 concurrent
// requests and across two console processes (exactly one wins), and install-command
// registrations sharing the same per-cluster window (500 per window, then 429).
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agentRegister from "@/app/api/v1/agent/register/route";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { clientsApi } from "@/lib/testing/clients-api";
import { holdClusterLock } from "@/lib/testing/cluster-lock";
import { apiToken, makeCluster, testContext } from "@/lib/testing/fixtures";
import { onlineAssets, servingProxy } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";
import { serverFacts } from "@/lib/testing/proxy-api";
import { AppError } from "@/lib/http/errors";
import { connectBatch } from "./connect-batch";

const root = path.resolve(import.meta.dirname, "../..");
const INTERVAL = 60;
let api: ReturnType<typeof clientsApi>;
const original = config.batchIntervalSeconds;

beforeAll(async () => {
  // The production interval, so the losers of a race can only have lost to the window: with the
  // test tier's 2 s, a slow machine could let a late request open a second, legitimate batch.
  config.batchIntervalSeconds = INTERVAL;
  api = clientsApi(await apiToken("operator"));
});
afterAll(() => {
  config.batchIntervalSeconds = original;
});

async function readyCluster() {
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  return cluster;
}
const batches = (clusterId: string) => db().connectionBatch.findMany({ where: { clusterId }, orderBy: { createdAt: "asc" } });

describe("R12: 100 concurrent connect requests to one cluster", () => {
  let cluster: { id: string };
  let results: Awaited<ReturnType<typeof api.connect>>[];
  beforeAll(async () => {
    cluster = await readyCluster();
    const ids = await onlineAssets("cn", 100);
    const lock = await holdClusterLock(cluster.id);
    const pending = ids.map((id) => api.connect(cluster.id, [id]));
    try {
      await lock.waitForWaiters(Number(process.env.DATABASE_POOL_SIZE ?? 10));
    } finally {
      await lock.release();
    }
    results = await Promise.all(pending);
  });

  it("exactly one wins: one 201, one batch, one connection, count 1", async () => {
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status < 300)).toHaveLength(1);
    expect((await batches(cluster.id)).map((b) => b.size)).toEqual([1]);
    expect(await db().clientConnection.count({ where: { clusterId: cluster.id } })).toBe(1);
    expect((await db().proxyCluster.findUniqueOrThrow({ where: { id: cluster.id } })).clientCount).toBe(1);
  });

  // Regression (fixed in 6e02c60): with Prisma's default 2 s maxWait most losers failed with
  // P2028 while queued on the lock and were answered 500 instead of 429.
  it("every loser is told 429 BATCH_INTERVAL with a whole-second Retry-After", () => {
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, errorOf(r)?.code])).toEqual(Array(99).fill([429, "BATCH_INTERVAL"]));
    for (const r of refused) expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("R12: across console processes", () => {
  it("two console processes at once: one wins, the other gets BATCH_INTERVAL", async () => {
    const cluster = await readyCluster();
    const [mine, theirs] = [await onlineAssets("cn", 3), await onlineAssets("cn", 3)];
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["lib/testing/connect-batch-child.ts", cluster.id, ...theirs], {
      cwd: root,
      env: { ...process.env, BATCH_INTERVAL_SECONDS: String(INTERVAL) },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    // The child has connected to the database and waits for "go".
    const ready = JSON.parse((await lines.next()).value as string) as { ready: boolean; pid: number };
    expect(ready.ready).toBe(true);
    const lock = await holdClusterLock(cluster.id);
    child.stdin!.write("go\n");
    const here = connectBatch(testContext("parent-process"), cluster.id, mine).then(
      () => ({ ok: true }) as { ok: boolean; code?: string },
      (e: AppError) => ({ ok: false, code: e.code }),
    );
    try {
      await lock.waitForWaiters(2);
    } finally {
      await lock.release();
    }
    const there = JSON.parse((await lines.next()).value as string) as { ok: boolean; code?: string };
    const outcomes = [await here, there];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.code)).toEqual(["BATCH_INTERVAL"]);
    expect((await batches(cluster.id)).map((b) => b.size)).toEqual([3]);
    await new Promise((resolve) => child.once("exit", resolve));
  });
});

describe("R12: install-command registrations share the cluster's window", () => {
  async function registrationSetup() {
    const cluster = await readyCluster();
    const { token } = await createInstallCommand(
      testContext(),
      { region: "cn", clusterId: cluster.id, os: "linux", provider: "aws", groupId: null, createImage: false, expiresInHours: 1 },
      "http://console.test",
    );
    const register = (facts = serverFacts()) =>
      call<{ assetId: string }>(agentRegister.POST, "POST", "/", { body: { installToken: token, ...facts } });
    return { cluster, register };
  }
  /** A window opened just now (database clock) holding `size` registrations. */
  async function openWindow(clusterId: string, size: number, source: "install_command" | "panel" = "install_command") {
    const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    return db().connectionBatch.create({ data: { clusterId, source, size, createdAt: row!.now } });
  }

  it("the 500th registration joins the window; the 501st gets 429 + Retry-After and nothing is created", async () => {
    const { cluster, register } = await registrationSetup();
    const window = await openWindow(cluster.id, 499);
    expect((await register()).status).toBe(201);
    expect((await db().connectionBatch.findUniqueOrThrow({ where: { id: window.id } })).size).toBe(500);
    const facts = serverFacts();
    const full = await register(facts);
    expect([full.status, errorOf(full)?.code]).toEqual([429, "BATCH_INTERVAL"]);
    expect(errorOf(full)?.details).toMatchObject({ windowFull: true });
    expect(Number(full.headers.get("retry-after"))).toSatisfy((s: number) => Number.isInteger(s) && s > 0 && s <= INTERVAL + 1);
    expect(await db().asset.count({ where: { hostname: facts.hostname } })).toBe(0);
    expect((await batches(cluster.id)).map((b) => b.size)).toEqual([500]);
  });

  it("registrations join one open window rather than each opening a batch", async () => {
    const { cluster, register } = await registrationSetup();
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    expect((await batches(cluster.id)).map((b) => [b.source, b.size])).toEqual([["install_command", 3]]);
    // ...and a panel batch may not open while that window is open.
    const panel = await api.connect(cluster.id, await onlineAssets("cn", 1));
    expect([panel.status, errorOf(panel)?.code]).toEqual([429, "BATCH_INTERVAL"]);
  });

  it("a panel batch just opened closes the window to registrations; once the interval has passed, one opens", async () => {
    const { cluster, register } = await registrationSetup();
    const panel = await openWindow(cluster.id, 10, "panel");
    const refused = await register();
    expect([refused.status, errorOf(refused)?.code]).toEqual([429, "BATCH_INTERVAL"]);
    expect(errorOf(refused)?.details).toMatchObject({ windowFull: false });
    await db().connectionBatch.update({
      where: { id: panel.id },
      data: { createdAt: new Date(panel.createdAt.getTime() - (INTERVAL + 1) * 1000) },
    });
    expect((await register()).status).toBe(201);
    expect((await batches(cluster.id)).map((b) => [b.source, b.size])).toEqual([
      ["panel", 10],
      ["install_command", 1],
    ]);
  });
});
