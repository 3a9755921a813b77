// Bounded storage (issue 16): each retention class deletes what is older than its setting and
// keeps the rest, to the millisecond; chunks loop until done; two instances started at once
// (two pools, as two console processes) delete each row once, one of them skipping, and one
// audit event records the run.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { RetentionSettings } from "@/lib/config";
import { db } from "@/lib/db/client";
import { insertAsset, insertProxy, makeCluster } from "@/lib/testing/fixtures";
import { RETENTION_LOCK_KEY, runRetention } from "./run-retention";

const DAY = 86_400_000;
const SETTINGS: RetentionSettings = {
  intervalMinutes: 60,
  rollupDays: 30,
  sampleDays: 30,
  auditDays: 400,
  batchDays: 30,
  jobDays: 30,
};
// Whole seconds, so the rollups' second-precision minute column holds the boundaries exactly.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const before = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY - ms);

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

beforeEach(async () => {
  // Each test starts as if retention never ran (the "ran recently" record).
  await db().appSetting.deleteMany({ where: { key: "retention_last_run" } });
});

async function rollups(minutes: Date[]) {
  const proxyId = randomUUID();
  await db().dataRollup.createMany({
    data: minutes.map((minute, i) => ({ proxyId, minute, dataType: `t${i}`, records: 1, bytes: 10 })),
  });
  return proxyId;
}

async function samples(times: Date[]) {
  const ids: string[] = [];
  for (const receivedAt of times) {
    const asset = await insertAsset("cn");
    ids.push(asset.id);
    await db().assetDataSample.create({ data: { assetId: asset.id, dataType: "process", receivedAt, payload: {} } });
  }
  return ids;
}

async function auditAt(times: Date[]) {
  const marker = randomUUID();
  await db().auditEvent.createMany({
    data: times.map((at) => ({
      at,
      actorType: "system",
      actorName: "test",
      action: "test.old",
      targetType: "test",
      targetId: marker,
      outcome: "success" as const,
    })),
  });
  return marker;
}

const ageSpec = (days: number, unit = 1) => [before(days * 3), before(days, unit), before(days), before(days, -3_600_000)];
const KEPT = 2; // of ageSpec: the boundary itself and an hour inside

describe("runRetention", () => {
  it("deletes what is older than each setting and keeps the rest, boundaries exact", async () => {
    const proxyId = await rollups(ageSpec(30, 1000));
    const sampleAssets = await samples(ageSpec(30));
    const marker = await auditAt(ageSpec(400));
    const cluster = await makeCluster();
    const batchTimes = ageSpec(30);
    const batches = await Promise.all(
      batchTimes.map((createdAt) =>
        db().connectionBatch.create({ data: { clusterId: cluster.id, source: "panel", size: 1, createdAt } }),
      ),
    );
    // A connection made by the oldest batch stays, without its batch.
    const client = await insertAsset("cn");
    await db().clientConnection.create({ data: { assetId: client.id, clusterId: cluster.id, batchId: batches[0]!.id } });
    const job = (finishedAt: Date | null, status: "done" | "running") => ({
      clusterId: cluster.id,
      assetIds: [],
      status,
      finishedAt,
      actorType: "system",
      actorName: "test",
    });
    await db().connectJob.createMany({
      data: [...ageSpec(30).map((t) => job(t, "done")), job(null, "running")],
    });
    const user = await db().user.create({ data: { id: randomUUID(), name: "u", email: `${randomUUID()}@example.com` } });
    await db().session.createMany({
      data: [before(0, 1), NOW, before(0, -DAY)].map((expiresAt) => ({
        id: randomUUID(),
        token: randomUUID(),
        userId: user.id,
        expiresAt,
      })),
    });
    await db().verification.createMany({
      data: [before(0, 1), before(0, -DAY)].map((expiresAt) => ({ id: randomUUID(), identifier: "x", value: "v", expiresAt })),
    });

    const proxy = await insertProxy(cluster.id, { lastHeartbeatAt: NOW });
    await db().proxyQueueAck.createMany({
      data: ageSpec(30).map((updatedAt) => ({ proxyId: proxy.id, stream: randomUUID(), ackedSeq: 1, updatedAt })),
    });

    const result = await runRetention(NOW, { settings: SETTINGS });

    expect(result.skipped).toBeNull();
    expect(result.deleted).toEqual({
      proxy_queue_ack: 2,
      data_rollup: 2,
      asset_data_sample: 2,
      audit_event: 2,
      connection_batch: 2,
      connect_job: 2,
      upgrade_rollout: 0,
      session: 1,
      verification: 1,
    });
    expect(await db().dataRollup.count({ where: { proxyId } })).toBe(KEPT);
    expect(await db().assetDataSample.count({ where: { assetId: { in: sampleAssets } } })).toBe(KEPT);
    expect(await db().auditEvent.count({ where: { targetId: marker } })).toBe(KEPT);
    expect(await db().connectionBatch.count({ where: { clusterId: cluster.id } })).toBe(KEPT);
    expect(await db().clientConnection.findUnique({ where: { assetId: client.id } })).toMatchObject({ batchId: null });
    expect(await db().connectJob.count({ where: { clusterId: cluster.id } })).toBe(KEPT + 1);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db().verification.count()).toBe(1);
    expect(await db().proxyQueueAck.count({ where: { proxyId: proxy.id } })).toBe(KEPT);
  });

  it("loops over chunks until everything old is gone", async () => {
    const old = Array.from({ length: 25 }, (_, i) => before(31, i * 1000));
    const fresh = Array.from({ length: 5 }, () => before(1));
    const proxyId = await rollups([...old, ...fresh]);
    const sampleAssets = await samples([...old, ...fresh]);
    const marker = await auditAt([...old.map(() => before(401)), ...fresh]);

    const result = await runRetention(NOW, { settings: SETTINGS, chunkRows: 7 });

    expect(result.deleted).toMatchObject({ data_rollup: 25, asset_data_sample: 25, audit_event: 25 });
    expect(await db().dataRollup.count({ where: { proxyId } })).toBe(5);
    expect(await db().assetDataSample.count({ where: { assetId: { in: sampleAssets } } })).toBe(5);
    expect(await db().auditEvent.count({ where: { targetId: marker } })).toBe(5);
  });

  it("keeps a class whose setting is off, and never a batch within the R12 interval", async () => {
    const proxyId = await rollups([before(365)]);
    const cluster = await makeCluster();
    // Older than RETENTION_BATCH_DAYS=1, but within a (very long) batch interval of 2 days.
    const batch = await db().connectionBatch.create({
      data: { clusterId: cluster.id, source: "panel", size: 1, createdAt: before(1.5) },
    });

    const result = await runRetention(NOW, {
      settings: { ...SETTINGS, rollupDays: null, batchDays: 1 },
      batchIntervalSeconds: 2 * 86_400,
    });

    expect(result.deleted).toMatchObject({ data_rollup: 0 });
    expect(await db().dataRollup.count({ where: { proxyId } })).toBe(1);
    expect(await db().connectionBatch.count({ where: { id: batch.id } })).toBe(1);
  });

  it("writes one terse audit event for a run that deleted something, none for one that did not", async () => {
    const since = new Date();
    await auditAt([before(500), before(500)]);
    await runRetention(NOW, { settings: SETTINGS });
    await runRetention(NOW, { settings: SETTINGS });

    const events = await db().auditEvent.findMany({ where: { action: "retention.run", at: { gte: since } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "system", actorName: "retention", targetType: "retention", outcome: "success" });
    expect(events[0]!.details).toMatchObject({ deleted: { audit_event: 2 } });
  });

  it("skips a run within minGapMs of the last one, by any instance", async () => {
    await runRetention(NOW, { settings: SETTINGS });
    const again = await runRetention(new Date(NOW.getTime() + 60_000), { settings: SETTINGS, minGapMs: 3_600_000 });
    expect(again.skipped).toBe("recent");
    const later = await runRetention(new Date(NOW.getTime() + 3_600_000), { settings: SETTINGS, minGapMs: 3_600_000 });
    expect(later.skipped).toBeNull();
  });

  it("skips at once while another session holds the job's lock", async () => {
    const marker = await auditAt([before(500)]);
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [RETENTION_LOCK_KEY]);
      const result = await runRetention(NOW, { settings: SETTINGS });
      expect(result).toMatchObject({ skipped: "locked", total: 0 });
      expect(await db().auditEvent.count({ where: { targetId: marker } })).toBe(1);
    } finally {
      await holder.end();
    }
    expect((await runRetention(NOW, { settings: SETTINGS })).skipped).toBeNull();
  });

  it("two instances at once: the old rows are deleted once, one run skips, one audit event", async () => {
    const since = new Date();
    const marker = await auditAt(Array.from({ length: 3000 }, (_, i) => before(401, i)));
    const proxyId = await rollups(Array.from({ length: 500 }, (_, i) => before(31, i * 1000)));
    const instance = () => {
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
      pools.push(pool);
      return pool;
    };
    const [a, b] = [instance(), instance()];
    // Warm both connections, so neither run starts late by a connection handshake.
    await Promise.all([a.query("SELECT 1"), b.query("SELECT 1")]);

    const options = { settings: SETTINGS, chunkRows: 100, minGapMs: 60_000 };
    const results = await Promise.all([runRetention(NOW, { ...options, pool: a }), runRetention(NOW, { ...options, pool: b })]);

    expect(results.map((r) => r.skipped === null).sort()).toEqual([false, true]);
    expect(["locked", "recent"]).toContain(results.find((r) => r.skipped)!.skipped);
    expect(results[0]!.deleted.audit_event + results[1]!.deleted.audit_event).toBe(3000);
    expect(results[0]!.deleted.data_rollup + results[1]!.deleted.data_rollup).toBe(500);
    expect(await db().auditEvent.count({ where: { targetId: marker } })).toBe(0);
    expect(await db().dataRollup.count({ where: { proxyId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "retention.run", at: { gte: since } } })).toBe(1);
  });
});
