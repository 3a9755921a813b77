// The proxy queue acknowledgement (issue 15) on real PostgreSQL: a batch of a stream is applied
// once, however often and however concurrently it arrives; an overlapping batch applies only its
// new part; refused records are acknowledged too; a batch without a stream is taken as before.
// And the ingest limiter answers 429 INGEST_PACED with Retry-After while its slots are busy.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import * as proxyDataRoute from "@/app/api/v1/agent/proxies/[id]/data/route";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { db, poolOptions } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { ingestProxyData } from "@/lib/relay/ingest-data";
import { call, errorOf } from "@/lib/testing/http";
import { insertAsset, insertClient, insertProxy, makeCluster } from "@/lib/testing/fixtures";

async function setup(clients = 2) {
  const cluster = await makeCluster();
  const proxy = await insertProxy(cluster.id, { lastHeartbeatAt: new Date() });
  const principal = { assetId: proxy.assetId, proxyId: proxy.id, name: "proxy" };
  const assets: { id: string }[] = [];
  for (let i = 0; i < clients; i++) assets.push(await insertClient(cluster.id));
  /** Records with seqs from..to, spread over the clients. */
  const batch = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({
      seq: from + i,
      assetId: assets[i % assets.length]!.id,
      type: "process_logs",
      at: new Date(),
      data: { pid: from + i },
    }));
  const rolledUp = async () =>
    Number((await db().dataRollup.aggregate({ where: { proxyId: proxy.id }, _sum: { records: true } }))._sum.records ?? 0);
  return { cluster, proxy, principal, assets, batch, rolledUp };
}

describe("a stream's batch is applied once", () => {
  it("posted twice: the second answers duplicates and adds nothing", async () => {
    const { proxy, principal, batch, rolledUp } = await setup();
    const stream = randomUUID();
    const records = batch(1, 40);
    const first = await ingestProxyData(principal, proxy.id, { stream, records });
    expect(first).toEqual({ received: 40, accepted: 40, refused: 0, duplicates: 0, ackedSeq: 40 });
    const again = await ingestProxyData(principal, proxy.id, { stream, records });
    expect(again).toEqual({ received: 40, accepted: 0, refused: 0, duplicates: 40, ackedSeq: 40 });
    expect(await rolledUp()).toBe(40);
    const ack = await db().proxyQueueAck.findUniqueOrThrow({ where: { proxyId_stream: { proxyId: proxy.id, stream } } });
    expect(ack.ackedSeq).toBe(40n);
  });

  it("posted concurrently (as to two console instances): applied once in all", async () => {
    const { proxy, principal, batch, rolledUp } = await setup(3);
    const stream = randomUUID();
    const records = batch(1, 300);
    // The first batch of a new stream: no ack row yet, so the copies also race to create it.
    const answers = await Promise.all(Array.from({ length: 4 }, () => ingestProxyData(principal, proxy.id, { stream, records })));
    expect(answers.map((a) => a.accepted).sort((a, b) => a - b)).toEqual([0, 0, 0, 300]);
    expect(answers.reduce((sum, a) => sum + a.duplicates, 0)).toBe(900);
    expect(answers.every((a) => a.ackedSeq === 300)).toBe(true);
    expect(await rolledUp()).toBe(300);
    // And once the row exists.
    const next = batch(301, 400);
    const later = await Promise.all(
      Array.from({ length: 3 }, () => ingestProxyData(principal, proxy.id, { stream, records: next })),
    );
    expect(later.map((a) => a.accepted).sort((a, b) => a - b)).toEqual([0, 0, 100]);
    expect(await rolledUp()).toBe(400);
  });

  it("a batch overlapping an acknowledged one applies only its new part", async () => {
    const { proxy, principal, batch, rolledUp } = await setup();
    const stream = randomUUID();
    await ingestProxyData(principal, proxy.id, { stream, records: batch(1, 10) });
    const overlap = await ingestProxyData(principal, proxy.id, { stream, records: batch(6, 15) });
    expect(overlap).toEqual({ received: 10, accepted: 5, refused: 0, duplicates: 5, ackedSeq: 15 });
    expect(await rolledUp()).toBe(15);
  });

  it("streams are separate, and a refused (forged) record is acknowledged too", async () => {
    const { cluster, proxy, principal, batch, rolledUp } = await setup();
    const stranger = await insertAsset(cluster.region); // not connected to the cluster
    const stream = randomUUID();
    const records = [...batch(1, 3), { seq: 4, assetId: stranger.id, type: "process_logs", at: new Date(), data: {} }];
    expect(await ingestProxyData(principal, proxy.id, { stream, records })).toMatchObject({
      accepted: 3,
      refused: 1,
      ackedSeq: 4,
    });
    expect(await ingestProxyData(principal, proxy.id, { stream, records })).toMatchObject({
      accepted: 0,
      refused: 0,
      duplicates: 4,
    });
    // Another stream of the same proxy (its queue folder made anew) starts from nothing.
    expect(await ingestProxyData(principal, proxy.id, { stream: randomUUID(), records: batch(1, 3) })).toMatchObject({
      accepted: 3,
      duplicates: 0,
      ackedSeq: 3,
    });
    expect(await rolledUp()).toBe(6);
  });

  it("a batch without a stream (a proxy before issue 15) is taken as before, without deduplication", async () => {
    const { proxy, principal, batch, rolledUp } = await setup();
    const records = batch(1, 5).map((r) => ({ assetId: r.assetId, type: r.type, at: r.at, data: r.data }));
    const answer = await ingestProxyData(principal, proxy.id, { records });
    expect(answer).toEqual({ received: 5, accepted: 5, refused: 0, duplicates: 0, ackedSeq: null });
    await ingestProxyData(principal, proxy.id, { records });
    expect(await rolledUp()).toBe(10);
  });

  it("the ack rows go with their proxy", async () => {
    const { proxy, principal, batch } = await setup();
    await ingestProxyData(principal, proxy.id, { stream: randomUUID(), records: batch(1, 2) });
    await db().proxyServer.delete({ where: { id: proxy.id } });
    expect(await db().proxyQueueAck.count({ where: { proxyId: proxy.id } })).toBe(0);
  });
});

describe("POST /api/v1/agent/proxies/{id}/data", () => {
  async function withCredential() {
    const s = await setup();
    const credential = newToken("pag");
    await db().proxyServer.update({ where: { id: s.proxy.id }, data: { credentialHash: hashToken(credential) } });
    const post = (body: unknown) =>
      call<Record<string, unknown>>(proxyDataRoute.POST, "POST", `/api/v1/agent/proxies/${s.proxy.id}/data`, {
        params: { id: s.proxy.id },
        headers: { authorization: `Bearer ${credential}` },
        body,
      });
    const wire = (from: number, to: number) => s.batch(from, to).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { ...s, post, wire };
  }

  afterEach(() => {
    delete process.env.RELAY_DATA_CONCURRENCY;
  });

  it("answers duplicates and ackedSeq, and refuses a stream's record without seq", async () => {
    const { post, wire, rolledUp } = await withCredential();
    const stream = randomUUID();
    expect((await post({ stream, records: wire(1, 3) })).body).toEqual({
      received: 3,
      accepted: 3,
      refused: 0,
      duplicates: 0,
      ackedSeq: 3,
    });
    expect((await post({ stream, records: wire(1, 3) })).body).toMatchObject({ accepted: 0, duplicates: 3, ackedSeq: 3 });
    const [first, ...rest] = wire(4, 5);
    const invalid = await post({ stream, records: [{ ...first, seq: undefined }, ...rest] });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid)?.code).toBe("VALIDATION_FAILED");
    expect(await rolledUp()).toBe(3);
  });

  it("answers 429 INGEST_PACED with Retry-After while the instance's ingest slots are busy", async () => {
    process.env.RELAY_DATA_CONCURRENCY = "1";
    const { proxy, post, wire, rolledUp } = await withCredential();
    const stream = randomUUID();
    await post({ stream, records: wire(1, 1) });
    // Another session holds the stream's row: the next batch waits in its slot.
    const holder = new pg.Client({ connectionString: poolOptions().connectionString });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM proxy_queue_ack WHERE proxy_id = $1 AND stream = $2 FOR UPDATE", [proxy.id, stream]);
      const waiting = post({ stream, records: wire(2, 3) });
      await new Promise((r) => setTimeout(r, 300));
      const throttled = async () => (await metrics().ingestThrottled.get()).values[0]?.value ?? 0;
      const before = await throttled();
      const refused = await post({ stream, records: wire(4, 5) });
      expect(refused.status).toBe(429);
      expect(errorOf(refused)?.code).toBe("INGEST_PACED");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(2);
      expect(retryAfter).toBeLessThanOrEqual(5);
      expect(await throttled()).toBe(before + 1);
      await holder.query("COMMIT");
      expect((await waiting).body).toMatchObject({ accepted: 2, ackedSeq: 3 });
    } finally {
      await holder.end();
    }
    // The refused batch, sent again after Retry-After, is taken.
    expect((await post({ stream, records: wire(4, 5) })).body).toMatchObject({ accepted: 2, ackedSeq: 5 });
    expect(await rolledUp()).toBe(5);
  });
});
