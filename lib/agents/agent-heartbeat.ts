// POST /api/v1/agent/heartbeat — keeps the agent online (R7) and hands it its pending tasks.
// Every agent sends one every HEARTBEAT_INTERVAL_SECONDS, so this is one statement: the
// heartbeat, the read of the open tasks and marking them delivered (bench:heartbeats).
import { z } from "zod";
import { config } from "@/lib/config";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgentPrincipal } from "./authenticate-agent";
import type { agentHeartbeatSchema } from "./schemas";

export type AgentTaskDto = { id: string; type: string; payload: unknown };

export async function agentHeartbeat(agent: AgentPrincipal, input: z.output<typeof agentHeartbeatSchema>) {
  const now = new Date();
  // Upgrade and stop travel in the proxy's own heartbeat answer; the agent deploys.
  const tasks = await queryRows<{ id: string; type: string; payload: unknown }>(Prisma.sql`
    WITH seen AS (
      UPDATE asset SET agent_last_seen_at = ${now}, agent_version = ${input.agentVersion}, updated_at = ${now}
       WHERE id = ${agent.assetId}::uuid
    ), open AS (
      SELECT id, type, payload, delivered_at, created_at FROM agent_task
       WHERE asset_id = ${agent.assetId}::uuid AND completed_at IS NULL AND type = 'deploy_proxy'
       ORDER BY created_at LIMIT 20
    ), delivered AS (
      UPDATE agent_task SET delivered_at = ${now} WHERE id IN (SELECT id FROM open WHERE delivered_at IS NULL)
    )
    SELECT id, type::text AS type, payload FROM open ORDER BY created_at`);
  return {
    tasks: tasks.map((t): AgentTaskDto => ({ id: t.id, type: t.type.replaceAll("_", "-"), payload: t.payload })),
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
  };
}
