// Data records from agents (SPEC §8, R17): the console keeps per-minute rollups (records and bytes
// per proxy, cluster and data type) and the latest record of each type per asset, never the
// stream: analysing the data is the security center's job. One statement per request, whatever
// its size. A proxy may send records only for agents connected to its cluster; a forged item is
// refused alone and counted, the rest is applied.
import { z } from "zod";
import type { AgentPrincipal } from "@/lib/agents/authenticate-agent";
import type { agentDataSchema, proxyDataSchema } from "@/lib/agents/schemas";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { proxyDeleted } from "@/lib/proxies/stop-command";
import { metrics } from "@/lib/metrics/registry";

/** The proxy_id of rollups of agents that report directly. */
export const DIRECT = "00000000-0000-0000-0000-000000000000";

type Rec = { assetId: string; type: string; at: Date; data: Record<string, unknown> };

async function ingest(records: Rec[], source: Prisma.Sql, proxyId: string, now: Date) {
  const rows = await write(records, source, proxyId, now);
  const m = metrics();
  for (const r of records) m.ingestLag.observe(Math.max(0, (now.getTime() - r.at.getTime()) / 1000));
  m.ingestRecords.inc({ outcome: "accepted" }, rows[0]?.accepted ?? 0);
  m.ingestRecords.inc({ outcome: "refused" }, (rows[0]?.received ?? 0) - (rows[0]?.accepted ?? 0));
  return rows;
}

function write(records: Rec[], source: Prisma.Sql, proxyId: string, now: Date) {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const payloads = records.map((r) => JSON.stringify({ at: r.at.toISOString(), data: r.data }));
  return queryRows<{ received: number; accepted: number }>(Prisma.sql`
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
    )
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
  const [result] = await ingest(input.records, source, proxyId, new Date());
  return { ...result!, refused: result!.received - result!.accepted };
}
