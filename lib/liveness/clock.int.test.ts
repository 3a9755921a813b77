// Issue 15, point 2 (R7): a console or database outage does not turn the fleet offline. The
// liveness clock records the silence as a gap on the database's clock, and every status read
// discounts it. OFFLINE_AFTER_SECONDS is 2 in the test run (vitest.config.ts).
import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { agentOnlineSql } from "@/lib/agents/liveness";
import { getCluster } from "@/lib/clusters/read-clusters";
import { config } from "@/lib/config";
import { disconnectDb, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertAsset, insertProxy, makeCluster, secondsAgo, uniqueName } from "@/lib/testing/fixtures";
import { log } from "@/lib/log";
import {
  GAP_SECONDS,
  offlineAfterSecondsAt,
  resetLivenessClock,
  startLivenessClock,
  stopLivenessClock,
  tickLivenessClock,
} from "./clock";

const OUTAGE_SECONDS = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The console heard nothing for `seconds`: its last tick is that old. */
async function consoleWasAway(seconds: number) {
  await tickLivenessClock();
  await queryRows(Prisma.sql`UPDATE liveness_clock SET last_tick_at = now() - make_interval(secs => ${seconds})`);
}

async function agentOnline(assetId: string): Promise<boolean> {
  const [row] = await queryRows<{ online: boolean }>(
    Prisma.sql`SELECT ${agentOnlineSql(new Date())} AS online FROM asset a WHERE a.id = ${assetId}::uuid`,
  );
  return row!.online;
}

/** A cluster whose one proxy, and a client agent heard directly, were last heard `seconds` ago. */
async function heardAgo(seconds: number) {
  const cluster = await makeCluster({ name: uniqueName("gap") });
  await insertProxy(cluster.id, { lastHeartbeatAt: secondsAgo(seconds) });
  const agent = await insertAsset("cn", { agentInstalled: true, agentLastSeenAt: secondsAgo(seconds) });
  return {
    cluster: async () => (await getCluster(cluster.id)).status,
    agent: () => agentOnline(agent.id),
  };
}

afterEach(async () => {
  vi.useRealTimers();
  await queryRows(Prisma.sql`DELETE FROM liveness_clock`);
  resetLivenessClock();
});

describe("the liveness clock", () => {
  it("runs with the short test threshold", () => {
    expect(config.offlineAfterSeconds).toBe(2);
  });

  it("a tick after a silence records it as a gap on the database clock; the next tick does not", async () => {
    await consoleWasAway(OUTAGE_SECONDS);
    const gap = await tickLivenessClock();
    expect(gap).not.toBeNull();
    expect((gap!.endedAt - gap!.startedAt) / 1000).toBeCloseTo(OUTAGE_SECONDS, 0);
    expect(await tickLivenessClock()).toBeNull();
    expect(offlineAfterSecondsAt()).toBeCloseTo(2 + OUTAGE_SECONDS, 0);
  });

  it("several instances ticking at once after an outage record the gap once", async () => {
    await consoleWasAway(OUTAGE_SECONDS);
    const gaps = (await Promise.all(Array.from({ length: 4 }, () => tickLivenessClock()))).filter((g) => g !== null);
    expect(gaps).toHaveLength(1);
    const [row] = await queryRows<{ gap: number; prev: Date | null }>(Prisma.sql`
      SELECT extract(epoch FROM gap_ended_at - gap_started_at)::float8 AS gap, prev_gap_started_at AS prev FROM liveness_clock`);
    expect(row!.gap).toBeCloseTo(OUTAGE_SECONDS, 0);
    expect(row!.prev).toBeNull();
  });

  it("R7: heard just before the outage → still online within the discounted window, offline after it", async () => {
    // Heard 1 s before the console went deaf: 1 s of the 2 s threshold used before, 1 s left after.
    const fleet = await heardAgo(OUTAGE_SECONDS + 1);
    expect([await fleet.cluster(), await fleet.agent()]).toEqual(["offline", false]); // what the console showed before
    await consoleWasAway(OUTAGE_SECONDS);
    await tickLivenessClock();
    expect([await fleet.cluster(), await fleet.agent()]).toEqual(["online", true]);
    await sleep(1_300);
    expect([await fleet.cluster(), await fleet.agent()]).toEqual(["offline", false]);
  });

  it("R7: offline before the outage began stays offline", async () => {
    const fleet = await heardAgo(OUTAGE_SECONDS + 5);
    await consoleWasAway(OUTAGE_SECONDS);
    await tickLivenessClock();
    expect([await fleet.cluster(), await fleet.agent()]).toEqual(["offline", false]);
  });

  it("a gap that ended long ago changes nothing", async () => {
    const fleet = await heardAgo(5);
    await consoleWasAway(OUTAGE_SECONDS);
    await tickLivenessClock();
    // The outage ended 10 s ago: more than the threshold of heard time.
    await queryRows(Prisma.sql`UPDATE liveness_clock SET gap_started_at = gap_started_at - interval '10 seconds',
                                                          gap_ended_at = gap_ended_at - interval '10 seconds'`);
    await tickLivenessClock();
    expect(offlineAfterSecondsAt()).toBe(2);
    expect([await fleet.cluster(), await fleet.agent()]).toEqual(["offline", false]);
  });

  it("while this instance's ticks fail (the database away), the silence so far already counts", async () => {
    await tickLivenessClock();
    expect(offlineAfterSecondsAt()).toBe(2);
    // No tick succeeds for longer than a gap: the first reads after the database returns come
    // before the tick that records the gap, and must not see the fleet offline either.
    vi.useFakeTimers({ now: Date.now() + (GAP_SECONDS + 10) * 1000, toFake: ["Date"] });
    expect(offlineAfterSecondsAt()).toBeCloseTo(2 + GAP_SECONDS + 10, 0);
  });

  it("the ticking survives a database outage: one error logged, and it ticks again when the database is back", async () => {
    const realUrl = process.env.DATABASE_URL!;
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    const errors = vi.spyOn(log, "error");
    const infos = vi.spyOn(log, "info");
    try {
      await disconnectDb();
      process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/gone`;
      startLivenessClock(50);
      await sleep(600);
      expect(errors).toHaveBeenCalledTimes(1);
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
      await vi.waitFor(() => expect(infos).toHaveBeenCalledWith("liveness clock ticking again"), { timeout: 5_000 });
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      stopLivenessClock();
      errors.mockRestore();
      infos.mockRestore();
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
    }
  });
});
