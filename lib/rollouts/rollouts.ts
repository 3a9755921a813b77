// Rolling upgrades of a cluster's proxies (issue 17): preview, start, read, pause, resume and
// cancel. The steps are taken by run-rollouts.ts, on whichever console instance claims the row.
import { audited } from "@/lib/audit/audited";
import { lockCluster, type LockedCluster } from "@/lib/clusters/lock-cluster";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { latestReleaseIn } from "@/lib/releases/catalog";
import { agentStatus, proxyStatus } from "@/lib/proxies/status";
import type { RolloutDto, RolloutPreviewDto } from "./responses";
import { etaSeconds, initialSteps, type Hold, type ProxyNow, type RolloutStep } from "./steps";

type RolloutRow = Awaited<ReturnType<ReturnType<typeof db>["upgradeRollout"]["findFirstOrThrow"]>>;

/** The cluster's proxies as the steps see them, statuses derived now (R6, R7). */
export async function proxiesNow(tx: Tx | ReturnType<typeof db>, clusterId: string, now = new Date()): Promise<ProxyNow[]> {
  const rows = await tx.proxyServer.findMany({
    where: { clusterId },
    include: { asset: { select: { hostname: true, agentLastSeenAt: true, agentInstalled: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.asset.hostname,
    status: proxyStatus(p, now, offlineAfterSecondsAt(now)),
    agent: agentStatus(
      { lastSeenAt: p.asset.agentLastSeenAt, installed: p.asset.agentInstalled },
      now,
      offlineAfterSecondsAt(now),
    ),
    version: p.version,
    targetVersion: p.targetVersion,
    upgradeFailedAt: p.upgradeFailedAt,
    upgradeFailedReason: p.upgradeFailedReason,
    upgradeFailedOutcome: p.upgradeFailedOutcome,
  }));
}

export function toRolloutDto(row: RolloutRow): RolloutDto {
  const steps = row.steps as RolloutStep[];
  const count = (state: RolloutStep["state"]) => steps.filter((s) => s.state === state).length;
  return {
    id: row.id,
    clusterId: row.clusterId,
    targetVersion: row.targetVersion,
    batchSize: row.batchSize,
    status: row.status,
    hold: (row.holdReason as Hold | null) ?? null,
    counts: {
      total: steps.length,
      pending: count("pending"),
      upgrading: count("upgrading"),
      done: count("done"),
      skipped: count("skipped"),
      failed: count("failed"),
    },
    etaSeconds: row.status === "running" ? etaSeconds(steps, row.batchSize) : null,
    steps,
    createdBy: row.actorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** What a rollout started now would do, and why it could not start (the error POST would give). */
async function plan(tx: Tx, cluster: LockedCluster, batchSize: number) {
  const now = new Date();
  const [latest, proxies, active] = await Promise.all([
    latestReleaseIn(tx),
    proxiesNow(tx, cluster.id, now),
    tx.upgradeRollout.findFirst({
      where: { clusterId: cluster.id, status: { in: ["running", "paused"] } },
      select: { id: true },
    }),
  ]);
  const target = latest?.version ?? null;
  const steps = target ? initialSteps(proxies, target, now) : [];
  const min = Math.max(1, cluster.minOnlineProxies);
  const online = proxies.filter((p) => p.status === "online").length;
  let blocked: AppError | null = null;
  if (active)
    blocked = new AppError("ROLLOUT_ACTIVE", `An upgrade of ${cluster.name} is already under way; pause, resume or cancel it.`, {
      rolloutId: active.id,
    });
  else if (!target) blocked = new AppError("ALREADY_LATEST", "No proxy release is published.");
  else if (!steps.some((s) => s.state === "pending"))
    blocked = new AppError("ALREADY_LATEST", `No proxy of ${cluster.name} can be upgraded to ${target}.`, {
      skipped: steps.map((s) => ({ proxyId: s.proxyId, reason: s.reason })),
    });
  else if (online - 1 < min)
    // An upgrade restarts the proxy: one at a time must leave the minimum serving (issue 16).
    blocked = new AppError(
      "BELOW_MINIMUM",
      `${cluster.name} has ${online} online ${online === 1 ? "proxy" : "proxies"} and needs ${min} serving, so none can restart for an upgrade. Add a proxy or lower the minimum, or upgrade a proxy on its own.`,
      { onlineProxies: online, minOnlineProxies: min, batchSize },
    );
  return { target, steps, blocked, min };
}

async function lockedCluster(tx: Tx, clusterId: string) {
  const cluster = await lockCluster(tx, clusterId);
  if (!cluster) throw notFound("Cluster", clusterId);
  return cluster;
}

/** GET .../upgrade-rollouts/preview — the dialog's plan: who would upgrade, who is skipped and why. */
export async function previewRollout(clusterId: string): Promise<RolloutPreviewDto> {
  return db().$transaction(async (tx) => {
    const cluster = await lockedCluster(tx, clusterId);
    const { target, steps, blocked, min } = await plan(tx, cluster, 1);
    return {
      targetVersion: target,
      minOnlineProxies: min,
      steps,
      blocked: blocked ? { code: blocked.code, message: blocked.message } : null,
    };
  });
}

/** POST .../upgrade-rollouts — "Upgrade all": a running rollout to the latest release. */
export async function createRollout(ctx: RequestContext, clusterId: string, batchSize: number): Promise<RolloutDto> {
  return audited(ctx, "upgrade_rollout.create", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockedCluster(tx, clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    const { target, steps, blocked } = await plan(tx, cluster, batchSize);
    if (blocked) throw blocked;
    const row = await tx.upgradeRollout.create({
      data: {
        clusterId,
        targetVersion: target!,
        batchSize,
        steps: steps as unknown as Prisma.InputJsonValue,
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
      },
    });
    audit.details = {
      rolloutId: row.id,
      to: target,
      batchSize,
      proxies: steps.filter((s) => s.state === "pending").length,
      skipped: steps.filter((s) => s.state === "skipped").map((s) => ({ proxy: s.name, reason: s.reason })),
    };
    return toRolloutDto(row);
  });
}

export async function listRollouts(clusterId: string): Promise<RolloutDto[]> {
  const cluster = await db().proxyCluster.findUnique({ where: { id: clusterId }, select: { id: true } });
  if (!cluster) throw notFound("Cluster", clusterId);
  const rows = await db().upgradeRollout.findMany({ where: { clusterId }, orderBy: { createdAt: "desc" }, take: 10 });
  return rows.map(toRolloutDto);
}

export async function getRollout(clusterId: string, rolloutId: string): Promise<RolloutDto> {
  const row = await db().upgradeRollout.findFirst({ where: { id: rolloutId, clusterId } });
  if (!row) throw notFound("Upgrade rollout", rolloutId);
  return toRolloutDto(row);
}

const NEXT = { pause: "paused", resume: "running", cancel: "cancelled" } as const;
const ALLOWED = { pause: ["running"], resume: ["paused"], cancel: ["running", "paused"] } as const;

/**
 * POST .../upgrade-rollouts/{rolloutId}/{pause|resume|cancel}. Upgrades already under way go on
 * (a daemon cannot be stopped halfway); a paused rollout still watches them, a cancelled one not.
 */
export async function actOnRollout(
  ctx: RequestContext,
  clusterId: string,
  rolloutId: string,
  action: keyof typeof NEXT,
): Promise<RolloutDto> {
  return audited(ctx, `upgrade_rollout.${action}`, { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockedCluster(tx, clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM upgrade_rollout WHERE id = ${rolloutId}::uuid AND cluster_id = ${clusterId}::uuid FOR UPDATE`;
    if (!rows[0]) throw notFound("Upgrade rollout", rolloutId);
    const row = await tx.upgradeRollout.findUniqueOrThrow({ where: { id: rolloutId } });
    audit.details = { rolloutId, from: row.status, to: NEXT[action] };
    if (!(ALLOWED[action] as readonly string[]).includes(row.status))
      throw new AppError(
        "ROLLOUT_STATE",
        `This upgrade is ${row.status}; it cannot be ${action === "cancel" ? "cancelled" : `${action}d`}.`,
        {
          status: row.status,
        },
      );
    const hold: Hold | null = action === "pause" ? { code: "paused", message: "" } : null;
    const updated = await tx.upgradeRollout.update({
      where: { id: rolloutId },
      data: {
        status: NEXT[action],
        holdReason: hold ?? Prisma.DbNull,
        nextRunAt: new Date(),
        ...(action === "cancel" ? { finishedAt: new Date() } : {}),
      },
    });
    return toRolloutDto(updated);
  });
}
