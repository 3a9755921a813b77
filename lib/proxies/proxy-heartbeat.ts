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
  // One read of the open tasks decides which writes are needed (most heartbeats need none).
  const open = await db().agentTask.findMany({
    where: { assetId: agent.assetId, completedAt: null },
    select: { id: true, type: true, payload: true, deliveredAt: true },
    orderBy: { createdAt: "asc" },
  });
  const finished = open.filter((t) => t.type === "deploy_proxy" || (upgraded && t.type === "upgrade_proxy"));
  const tasks = open.filter((t) => (t.type === "upgrade_proxy" && !upgraded) || t.type === "stop_proxy");
  // A stop is done once handed over: the proxy exits and its heartbeats stop.
  const stops = tasks.filter((t) => t.type === "stop_proxy");
  const undelivered = tasks.filter((t) => !t.deliveredAt);
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
    ...(finished.length + stops.length > 0
      ? [
          db().agentTask.updateMany({
            where: { id: { in: [...finished, ...stops].map((t) => t.id) } },
            data: { completedAt: now },
          }),
        ]
      : []),
    ...(undelivered.length > 0
      ? [db().agentTask.updateMany({ where: { id: { in: undelivered.map((t) => t.id) } }, data: { deliveredAt: now } })]
      : []),
  ]);
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
