// Data records from agents (SPEC §8, R17): the console keeps per-minute rollups (records and bytes
// per proxy, cluster and data type) and the latest record of each type per asset, never the
// stream: analysing the data is the security center's job. One statement per request, whatever
// its size. A proxy may send records only for agents connected to its cluster; a forged item is
// refused alone and counted, the rest is applied.
//
// A proxy's batch names its queue's stream and each record's seq (issue 15): in one transaction
// the stream's proxy_queue_ack row is locked, only records above its acked_seq are applied, and
// acked_seq moves to the batch's highest seq (refused records are handled too). A batch sent again
// after a crash or a lost answer is then counted once, even when two console instances receive it
// at once: the second waits for the lock and finds it acknowledged. Four statements on one
// connection (lock, write, BEGIN/COMMIT); a batch without a stream is one statement, as before.
import { z } from "zod";
import type { AgentPrincipal } from "@/lib/agents/authenticate-agent";
import type { agentDataSchema, proxyDataSchema } from "@/lib/agents/schemas";
import { poolTransaction, queryRows, type RunRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { proxyDeleted } from "@/lib/proxies/stop-command";
import { metrics } from "@/lib/metrics/registry";

/** The proxy_id of rollups of agents that report directly. */
export const DIRECT = "00000000-0000-0000-0000-000000000000";

type Rec = { assetId: string; type: string; at: Date; data: Record<string, unknown> };

type Ack = { stream: string; seq: number };

async function ingest(records: Rec[], source: Prisma.Sql, proxyId: string, now: Date, run: RunRows = queryRows, ack?: Ack) {
  const rows = await write(run, records, source, proxyId, now, ack);
  const m = metrics();
  for (const r of records) m.ingestLag.observe(Math.max(0, (now.getTime() - r.at.getTime()) / 1000));
  m.ingestRecords.inc({ outcome: "accepted" }, rows[0]?.accepted ?? 0);
  m.ingestRecords.inc({ outcome: "refused" }, (rows[0]?.received ?? 0) - (rows[0]?.accepted ?? 0));
  return rows;
}

function write(run: RunRows, records: Rec[], source: Prisma.Sql, proxyId: string, now: Date, ack?: Ack) {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const payloads = records.map((r) => JSON.stringify({ at: r.at.toISOString(), data: r.data }));
  const acked = ack
    ? Prisma.sql`, acked AS (
      UPDATE proxy_queue_ack SET acked_seq = greatest(acked_seq, ${ack.seq}::bigint), updated_at = ${now}
       WHERE proxy_id = ${proxyId}::uuid AND stream = ${ack.stream}::uuid
    )`
    : Prisma.empty;
  return run<{ received: number; accepted: number }>(Prisma.sql`
    WITH r AS (
      SELECT * FROM unnest(${records.map((r) => r.assetId)}::uuid[], ${records.map((r) => r.type)}::text[],
                           ${payloads.map((p) => Buffer.byteLength(p))}::int[], ${payloads}::jsonb[]) WITH ORDINALITY AS r(asset_id, type, bytes, payload, n)
    ), ok AS (
      SELECT r.*, src.cluster_id FROM r JOIN (${source}) src ON src.asset_id = r.asset_id
    ), rolled AS (
      INSERT INTO data_rollup (proxy_id, minute, data_type, cluster_id, records, bytes)
      SELECT ${proxyId}::uuid, ${minute}, type, min(cluster_id::text)::uuid, count(*), sum(bytes) FROM ok GROUP BY type
      ON CONFLICT (proxy_id, minute, data_type)
      DO UPDATE SET records = data_rollup.records + excluded.records, bytes = data_rollup.bytes + excluded.bytes
    ), sampled AS (
      INSERT INTO asset_data_sample (asset_id, data_type, received_at, payload)
      SELECT DISTINCT ON (asset_id, type) asset_id, type, ${now}, payload FROM ok ORDER BY asset_id, type, n DESC
      ON CONFLICT (asset_id, data_type) DO UPDATE SET received_at = excluded.received_at, payload = excluded.payload
    )${acked}
    SELECT (SELECT count(*) FROM r)::int AS received, (SELECT count(*) FROM ok)::int AS accepted`);
}

/** An agent that reports directly; its rollup has no proxy, and its cluster if it has one. */
export async function ingestAgentData(agent: AgentPrincipal, input: z.output<typeof agentDataSchema>) {
  const records = input.records.map((r) => ({ ...r, assetId: agent.assetId }));
  const source = Prisma.sql`SELECT a.id AS asset_id, cc.cluster_id FROM asset a LEFT JOIN client_connection cc ON cc.asset_id = a.id
                             WHERE a.id = ${agent.assetId}::uuid`;
  const [result] = await ingest(records, source, DIRECT, new Date());
  return { ...result!, refused: 0 };
}

/** A proxy relaying its agents' records; only agents connected to its own cluster count. */
export async function ingestProxyData(agent: AgentPrincipal, proxyId: string, input: z.output<typeof proxyDataSchema>) {
  const source = Prisma.sql`SELECT cc.asset_id, cc.cluster_id FROM client_connection cc
     JOIN proxy_server p ON p.cluster_id = cc.cluster_id
    WHERE p.id = ${proxyId}::uuid AND p.asset_id = ${agent.assetId}::uuid AND cc.asset_id = ANY(${input.records.map((r) => r.assetId)}::uuid[])`;
  const [proxy] = await queryRows<{ asset_id: string }>(
    Prisma.sql`SELECT asset_id FROM proxy_server WHERE id = ${proxyId}::uuid`,
  );
  if (!proxy) throw proxyDeleted();
  if (proxy.asset_id !== agent.assetId || (agent.proxyId && agent.proxyId !== proxyId))
    throw new AppError("FORBIDDEN", "This credential belongs to another server.");
  if (!input.stream) {
    const [result] = await ingest(input.records, source, proxyId, new Date());
    return { ...result!, refused: result!.received - result!.accepted, duplicates: 0, ackedSeq: null };
  }
  return ingestAcknowledged(input.stream, input.records as (Rec & { seq: number })[], source, proxyId);
}

/** A batch of a stream: applied past the stream's acknowledged seq, once (issue 15). */
async function ingestAcknowledged(stream: string, records: (Rec & { seq: number })[], source: Prisma.Sql, proxyId: string) {
  const now = new Date();
  const highest = records.reduce((max, r) => Math.max(max, r.seq), 0);
  const acknowledged = poolTransaction(async (run) => {
    // Inserts the stream's row or, when it exists, locks it (a concurrent copy of this batch waits
    // here) and reads acked_seq as last committed.
    const [lock] = await run<{ acked_seq: string }>(Prisma.sql`
      INSERT INTO proxy_queue_ack (proxy_id, stream, acked_seq, updated_at) VALUES (${proxyId}::uuid, ${stream}::uuid, 0, ${now})
      ON CONFLICT (proxy_id, stream) DO UPDATE SET updated_at = excluded.updated_at
      RETURNING acked_seq`);
    const before = Number(lock!.acked_seq);
    const fresh = records.filter((r) => r.seq > before);
    const duplicates = records.length - fresh.length;
    const ackedSeq = Math.max(before, highest);
    if (fresh.length === 0) return { received: records.length, accepted: 0, refused: 0, duplicates, ackedSeq };
    const [result] = await ingest(fresh, source, proxyId, now, run, { stream, seq: highest });
    return {
      received: records.length,
      accepted: result!.accepted,
      refused: fresh.length - result!.accepted,
      duplicates,
      ackedSeq,
    };
  });
  // The proxy deleted since the check above: its ack row cannot reference it (foreign key, 23503).
  const answer = await acknowledged.catch((error: { code?: string }) => {
    throw error?.code === "23503" ? proxyDeleted() : error;
  });
  if (answer.duplicates > 0) metrics().ingestRecords.inc({ outcome: "duplicate" }, answer.duplicates);
  return answer;
}
