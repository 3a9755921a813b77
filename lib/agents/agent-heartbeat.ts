// POST /api/v1/agent/heartbeat — keeps the agent online (R7) and hands it its pending tasks.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import type { AgentPrincipal } from "./authenticate-agent";
import type { agentHeartbeatSchema } from "./schemas";

export type AgentTaskDto = { id: string; type: string; payload: unknown };

export async function agentHeartbeat(agent: AgentPrincipal, input: z.output<typeof agentHeartbeatSchema>) {
  const now = new Date();
  const [, tasks] = await db().$transaction([
    db().asset.update({ where: { id: agent.assetId }, data: { agentLastSeenAt: now, agentVersion: input.agentVersion } }),
    // Upgrade and stop travel in the proxy's own heartbeat answer; the agent deploys.
    db().agentTask.findMany({
      where: { assetId: agent.assetId, completedAt: null, type: "deploy_proxy" },
      orderBy: { createdAt: "asc" },
      take: 20,
    }),
  ]);
  if (tasks.some((t) => !t.deliveredAt)) {
    await db().agentTask.updateMany({
      where: { id: { in: tasks.filter((t) => !t.deliveredAt).map((t) => t.id) } },
      data: { deliveredAt: now },
    });
  }
  return {
    tasks: tasks.map((t): AgentTaskDto => ({ id: t.id, type: t.type.replaceAll("_", "-"), payload: t.payload })),
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
  };
}
