// R12: at most 500 hosts per connection batch; consecutive batches to a cluster must be more
// than BATCH_INTERVAL_SECONDS apart. A batch is a window: a panel selection fills one at once,
// install-command registrations join the open one until it holds 500. Runs under the cluster's
// row lock and on the database clock, so it holds across console instances.
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";

export type Window = { id: string; source: "panel" | "install_command"; size: number; createdAt: Date };

/** Pure: seconds until a new batch may open, or 0 when it may open now. */
export function secondsUntilNextBatch(last: Pick<Window, "createdAt"> | null, now: Date, intervalSeconds: number): number {
  if (!last) return 0;
  const elapsedMs = now.getTime() - last.createdAt.getTime();
  if (elapsedMs > intervalSeconds * 1000) return 0;
  // "More than" the interval: the first whole second at which elapsed exceeds it.
  return Math.floor((intervalSeconds * 1000 - elapsedMs) / 1000) + 1;
}

export async function databaseNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return row!.now;
}

export async function lastWindow(tx: Tx, clusterId: string): Promise<Window | null> {
  return tx.connectionBatch.findFirst({
    where: { clusterId },
    orderBy: { createdAt: "desc" },
    select: { id: true, source: true, size: true, createdAt: true },
  });
}

export function batchIntervalError(retryAfter: number, clusterName: string, detail: Record<string, unknown> = {}): AppError {
  return new AppError(
    "BATCH_INTERVAL",
    `Batches to ${clusterName} must be more than ${config.batchIntervalSeconds} s apart. The next batch is allowed in ${retryAfter} s.`,
    { retryAfterSeconds: retryAfter, intervalSeconds: config.batchIntervalSeconds, ...detail },
    { "Retry-After": String(retryAfter) },
  );
}

/**
 * Refuses with BATCH_INTERVAL when a batch opened less than the interval ago, else returns the
 * database time to open one at. Called first under the lock: it is the cheapest refusal, so a
 * burst of requests drains the lock queue fast.
 */
export async function assertBatchAllowed(tx: Tx, cluster: { id: string; name: string }): Promise<Date> {
  const now = await databaseNow(tx);
  const wait = secondsUntilNextBatch(await lastWindow(tx, cluster.id), now, config.batchIntervalSeconds);
  if (wait > 0) throw batchIntervalError(wait, cluster.name);
  return now;
}

/** Opens a new panel batch of `size` hosts at `openedAt` (from assertBatchAllowed). */
export async function openPanelBatch(tx: Tx, cluster: { id: string }, size: number, openedAt: Date) {
  return tx.connectionBatch.create({ data: { clusterId: cluster.id, source: "panel", size, createdAt: openedAt } });
}

/** Puts one registration into the open install-command window, or opens one, or refuses. */
export async function joinRegistrationWindow(tx: Tx, cluster: { id: string; name: string }, installCommandId: string) {
  const now = await databaseNow(tx);
  const last = await lastWindow(tx, cluster.id);
  const wait = secondsUntilNextBatch(last, now, config.batchIntervalSeconds);
  if (wait === 0) {
    return tx.connectionBatch.create({
      data: { clusterId: cluster.id, source: "install_command", size: 1, installCommandId, createdAt: now },
    });
  }
  if (last && last.source === "install_command" && last.size < config.batchSize) {
    return tx.connectionBatch.update({ where: { id: last.id }, data: { size: { increment: 1 } } });
  }
  throw batchIntervalError(wait, cluster.name, { windowFull: last?.source === "install_command" });
}

/** GET /api/v1/clusters/{id}/clients/window — when the next batch is allowed (the panel's countdown). */
export async function describeBatchWindow(tx: Tx, clusterId: string) {
  const now = await databaseNow(tx);
  const last = await lastWindow(tx, clusterId);
  const wait = secondsUntilNextBatch(last, now, config.batchIntervalSeconds);
  return {
    now: now.toISOString(),
    intervalSeconds: config.batchIntervalSeconds,
    batchSize: config.batchSize,
    retryAfterSeconds: wait,
    nextBatchAt: new Date(now.getTime() + wait * 1000).toISOString(),
    lastBatch: last ? { id: last.id, source: last.source, size: last.size, createdAt: last.createdAt.toISOString() } : null,
  };
}
