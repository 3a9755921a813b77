// POST /api/v1/agent/proxies/{id}/heartbeat — keeps a proxy online (R7); finishes deploy and
// upgrade tasks when the proxy reports in; answers with tasks and the cluster's policy.
import { z } from "zod";
import type { AgentPrincipal } from "@/lib/agents/authenticate-agent";
import type { proxyHeartbeatSchema } from "@/lib/agents/schemas";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/http/errors";

export async function proxyHeartbeat(agent: AgentPrincipal, proxyId: string, input: z.output<typeof proxyHeartbeatSchema>) {
  const proxy = await db().proxyServer.findUnique({
    where: { id: proxyId },
    select: { id: true, assetId: true, targetVersion: true, lastHeartbeatAt: true, cluster: { select: { policy: true } } },
  });
  // A deleted proxy must stop: 410 tells the daemon so (issue #4).
  if (!proxy)
    throw new AppError("GONE", "This proxy server was deleted from the console; stop the proxy process.", { reason: "deleted" });
  if (proxy.assetId !== agent.assetId || (agent.proxyId && agent.proxyId !== proxyId)) {
    throw new AppError("FORBIDDEN", "This credential belongs to another server.");
  }
  const now = new Date();
  const upgraded = proxy.targetVersion !== null && proxy.targetVersion === input.proxyVersion;
  await db().$transaction([
    db().proxyServer.update({
      where: { id: proxyId },
      data: {
        lastHeartbeatAt: now,
        version: input.proxyVersion,
        connectedClients: input.connectedClients,
        bytesRelayed: BigInt(input.bytesRelayed),
        cacheBytes: BigInt(input.cacheBytes),
        policyVersion: input.policyVersion,
        ...(upgraded ? { targetVersion: null } : {}),
      },
    }),
    // The proxy process hosts the agent on a manually deployed server, so it keeps it online.
    db().asset.update({ where: { id: agent.assetId }, data: { agentLastSeenAt: now } }),
    db().agentTask.updateMany({
      where: {
        assetId: agent.assetId,
        completedAt: null,
        OR: [{ type: "deploy_proxy" }, ...(upgraded ? [{ type: "upgrade_proxy" as const }] : [])],
      },
      data: { completedAt: now },
    }),
  ]);
  const tasks = await db().agentTask.findMany({
    where: { assetId: agent.assetId, completedAt: null, type: { in: ["upgrade_proxy", "stop_proxy"] } },
    orderBy: { createdAt: "asc" },
  });
  // A stop is done once handed over: the proxy exits and its heartbeats stop.
  if (tasks.length > 0) {
    await db().agentTask.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { deliveredAt: now } });
    await db().agentTask.updateMany({
      where: { id: { in: tasks.filter((t) => t.type === "stop_proxy").map((t) => t.id) } },
      data: { completedAt: now },
    });
  }
  const policy = proxy.cluster.policy;
  return {
    tasks: tasks.map((t) => ({ id: t.id, type: t.type === "upgrade_proxy" ? "upgrade" : "stop", payload: t.payload })),
    policy: policy
      ? {
          version: policy.version,
          mode: policy.mode,
          bandwidthKbps: policy.bandwidthKbps,
          frequencyPerMin: policy.frequencyPerMin,
          cacheDir: policy.cacheDir,
          cacheMaxBytes: Number(policy.cacheMaxBytes),
          dataTypes: policy.dataTypes,
        }
      : null,
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
  };
}
