// POST /api/v1/agent/heartbeat — keeps the agent online (R7) and hands it its pending tasks.
// Every agent sends one every HEARTBEAT_INTERVAL_SECONDS, so this is one statement: the
// heartbeat, the read of the open tasks and marking them delivered (bench:heartbeats).
import { z } from "zod";
import { config } from "@/lib/config";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgentPrincipal } from "./authenticate-agent";
import { routeFor } from "@/lib/relay/route-for";
import type { agentHeartbeatSchema } from "./schemas";

export type AgentTaskDto = { id: string; type: string; payload: unknown };

export async function agentHeartbeat(agent: AgentPrincipal, input: z.output<typeof agentHeartbeatSchema>, consoleUrl: string) {
  const now = new Date();
  // Upgrade and stop travel in the proxy's own heartbeat answer; the agent deploys. An agent heard
  // directly is no longer vouched for by a proxy. The answer says where it should report (SPEC §8).
  const rows = await queryRows<{
    id: string | null;
    type: string;
    payload: unknown;
    cluster_id: string | null;
    address: string | null;
  }>(Prisma.sql`
    WITH seen AS (
      UPDATE asset SET agent_last_seen_at = ${now}, agent_version = ${input.agentVersion}, updated_at = ${now},
             via_proxy_id = NULL, relay_pending = false
       WHERE id = ${agent.assetId}::uuid
    ), placed AS (
      SELECT c.id AS cluster_id, c.address FROM client_connection cc JOIN proxy_cluster c ON c.id = cc.cluster_id
       WHERE cc.asset_id = ${agent.assetId}::uuid
    ), open AS (
      SELECT id, type, payload, delivered_at, created_at FROM agent_task
       WHERE asset_id = ${agent.assetId}::uuid AND completed_at IS NULL AND type = 'deploy_proxy'
       ORDER BY created_at LIMIT 20
    ), delivered AS (
      UPDATE agent_task SET delivered_at = ${now} WHERE id IN (SELECT id FROM open WHERE delivered_at IS NULL)
    )
    SELECT o.id, o.type::text AS type, o.payload, p.cluster_id, p.address
      FROM (SELECT 1) one LEFT JOIN placed p ON true LEFT JOIN open o ON true ORDER BY o.created_at`);
  const tasks = rows.filter((t): t is typeof t & { id: string } => t.id !== null);
  const placed = rows[0]?.cluster_id ? { id: rows[0].cluster_id, address: rows[0].address! } : null;
  return {
    tasks: tasks.map((t): AgentTaskDto => ({ id: t.id, type: t.type.replaceAll("_", "-"), payload: t.payload })),
    route: routeFor(placed, consoleUrl),
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
  };
}
