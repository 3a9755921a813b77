// Runs due connect-job waves. Any console instance may: a job is claimed with a lease under
// FOR UPDATE SKIP LOCKED, so each wave runs once; a wave that committed before a crash is
// harmless to repeat (connected assets count as already connected).
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { connectBatch } from "./connect-batch";
import { metrics } from "@/lib/metrics/registry";

const LEASE_SECONDS = 60;
const SKIPPABLE = new Set(["AGENT_OFFLINE", "NOT_ELIGIBLE", "NOT_FOUND", "REGION_MISMATCH"]);

async function claimDueJob(): Promise<string | null> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE connect_job SET lease_until = clock_timestamp() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id = (
      SELECT id FROM connect_job
      WHERE status = 'running' AND next_run_at <= clock_timestamp() AND (lease_until IS NULL OR lease_until < clock_timestamp())
      ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows[0]?.id ?? null;
}

async function finishWave(id: string, data: Prisma.ConnectJobUpdateManyMutationInput) {
  // A job cancelled while its wave ran stays cancelled.
  await db().connectJob.updateMany({ where: { id, status: "running" }, data: { ...data, leaseUntil: null } });
}

export async function runWave(id: string): Promise<void> {
  const job = await db().connectJob.findUniqueOrThrow({ where: { id } });
  const wave = job.assetIds.slice(job.position, job.position + config.batchSize);
  const ctx = {
    requestId: `connect-job:${id}`,
    ip: null,
    actor: { type: job.actorType as "user", id: job.actorId, name: job.actorName },
    role: null,
  };
  const after = (seconds: number) => new Date(Date.now() + seconds * 1000);
  if (wave.length === 0) return finishWave(id, { status: "done", finishedAt: new Date() });
  try {
    const result = await connectBatch(ctx, job.clusterId, wave);
    const position = job.position + wave.length;
    const done = position >= job.assetIds.length;
    metrics().connectWaves.inc({ outcome: "connected" });
    await finishWave(id, {
      position,
      connected: { increment: result.connected },
      waves: { increment: 1 },
      // A wait for an online proxy is over; the reason servers were skipped stays.
      lastError: (job.lastError as { code?: string } | null)?.code === "CAPACITY_EXCEEDED" ? Prisma.DbNull : undefined,
      ...(done ? { status: "done", finishedAt: new Date() } : { nextRunAt: after(config.batchIntervalSeconds + 1) }),
    });
  } catch (error) {
    metrics().connectWaves.inc({ outcome: error instanceof AppError ? error.code.toLowerCase() : "error" });
    if (!(error instanceof AppError)) {
      log.error({ err: error, jobId: id }, "connect job wave failed; retrying");
      return finishWave(id, { nextRunAt: after(10) });
    }
    const lastError = { code: error.code, message: error.message, details: error.details ?? null } as Prisma.InputJsonValue;
    if (error.code === "BATCH_INTERVAL") {
      const retry = Number((error.details as { retryAfterSeconds?: number }).retryAfterSeconds ?? 5);
      return finishWave(id, { nextRunAt: after(retry) });
    }
    if (error.code === "CAPACITY_EXCEEDED" && (error.details as { onlineProxies?: number }).onlineProxies === 0) {
      // No proxy online right now (they restart, or this console has only just come back and not
      // heard them yet): not the selection's fault. The job waits with the reason and tries again.
      return finishWave(id, { lastError, nextRunAt: after(Math.max(config.batchIntervalSeconds, 10)) });
    }
    const problems = (error.details as { problems?: { assetId: string }[] } | undefined)?.problems;
    if (SKIPPABLE.has(error.code) && problems?.length) {
      // Leave out the servers that cannot join (offline agent, gone, other region) and go on.
      const bad = new Set(problems.map((p) => p.assetId));
      const kept = job.assetIds.filter((a, i) => i < job.position || !bad.has(a));
      return finishWave(id, {
        assetIds: kept,
        skipped: { increment: job.assetIds.length - kept.length },
        lastError,
        nextRunAt: new Date(),
      });
    }
    await finishWave(id, { status: "failed", lastError, finishedAt: new Date() });
  }
}

/** Runs every wave that is due now; returns how many ran. */
export async function runDueConnectJobs(max = 20): Promise<number> {
  let ran = 0;
  for (let id = await claimDueJob(); id && ran < max; id = await claimDueJob()) {
    await runWave(id);
    ran++;
  }
  return ran;
}

let timer: NodeJS.Timeout | null = null;

/** Started once per console process (instrumentation.ts). */
export function startConnectJobWorker(everyMs = 1000) {
  if (timer) return;
  let busy = false;
  timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runDueConnectJobs()
      .catch((err) => log.error({ err }, "connect job worker"))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
}

/** On shutdown (SIGTERM): no new waves; one under way is taken up again once its lease ends. */
export function stopConnectJobWorker() {
  if (timer) clearInterval(timer);
  timer = null;
}
