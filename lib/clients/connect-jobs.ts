// Batch pacer (issue #5): create, read and cancel connect jobs. The waves are run by
// run-connect-jobs.ts through the same connect operation and rules as the panel.
import { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import type { ConnectJobDto } from "./responses";

export const connectJobSchema = z.strictObject({ assetIds: z.array(z.uuid()).min(1).max(100_000) });

type JobRow = Awaited<ReturnType<ReturnType<typeof db>["connectJob"]["findFirstOrThrow"]>>;

export function toJobDto(job: JobRow, now = new Date()): ConnectJobDto {
  const total = job.assetIds.length;
  const remainingWaves = Math.ceil((total - job.position) / config.batchSize);
  const untilNext = Math.max(0, job.nextRunAt.getTime() - now.getTime()) / 1000;
  const etaSeconds =
    job.status === "running"
      ? Math.ceil(remainingWaves === 0 ? 0 : untilNext + (remainingWaves - 1) * (config.batchIntervalSeconds + 1))
      : 0;
  return {
    id: job.id,
    clusterId: job.clusterId,
    status: job.status,
    total,
    /** Waves of at most one batch (R12) the whole selection takes. */
    totalWaves: Math.ceil(total / config.batchSize),
    processed: job.position,
    connected: job.connected,
    skipped: job.skipped,
    waves: job.waves,
    nextRunAt: job.status === "running" ? job.nextRunAt.toISOString() : null,
    etaSeconds,
    // Written by run-connect-jobs.ts in this shape.
    lastError: job.lastError as ConnectJobDto["lastError"],
    createdBy: job.actorName,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type { ConnectJobDto };

export async function createConnectJob(ctx: RequestContext, clusterId: string, assetIds: string[]): Promise<ConnectJobDto> {
  const unique = [...new Set(assetIds)];
  return audited(ctx, "connect_job.create", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockCluster(tx, clusterId);
    if (!cluster) throw notFound("Cluster", clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    const running = await tx.connectJob.findFirst({ where: { clusterId, status: "running" }, select: { id: true } });
    if (running)
      throw new AppError("JOB_RUNNING", `A connect job is already running for ${cluster.name}; wait for it or cancel it.`, {
        jobId: running.id,
      });
    const job = await tx.connectJob.create({
      data: { clusterId, assetIds: unique, actorType: ctx.actor.type, actorId: ctx.actor.id, actorName: ctx.actor.name },
    });
    audit.details = { jobId: job.id, assets: unique.length, waves: Math.ceil(unique.length / config.batchSize) };
    return toJobDto(job);
  });
}

export async function listConnectJobs(clusterId: string): Promise<ConnectJobDto[]> {
  const jobs = await db().connectJob.findMany({ where: { clusterId }, orderBy: { createdAt: "desc" }, take: 20 });
  const now = new Date();
  return jobs.map((j) => toJobDto(j, now));
}

export async function cancelConnectJob(ctx: RequestContext, clusterId: string, jobId: string): Promise<ConnectJobDto> {
  return audited(ctx, "connect_job.cancel", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const job = await tx.connectJob.findFirst({ where: { id: jobId, clusterId } });
    if (!job) throw notFound("Connect job", jobId);
    audit.details = { jobId, processed: job.position, total: job.assetIds.length };
    if (job.status !== "running") return toJobDto(job);
    return toJobDto(await tx.connectJob.update({ where: { id: jobId }, data: { status: "cancelled", finishedAt: new Date() } }));
  });
}

/** DELETE on the collection: cancel whichever job is running for the cluster. */
export async function cancelRunningConnectJob(ctx: RequestContext, clusterId: string): Promise<ConnectJobDto> {
  const running = await db().connectJob.findFirst({ where: { clusterId, status: "running" }, select: { id: true } });
  if (!running) throw new AppError("NOT_FOUND", "No connect job is running for this cluster.");
  return cancelConnectJob(ctx, clusterId, running.id);
}
