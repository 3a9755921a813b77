// Takes the steps of rolling upgrades (issue 17). Any console instance may: a rollout is claimed
// under FOR UPDATE SKIP LOCKED inside the transaction that advances it, so each step is taken
// once, and a rollout survives a console restart (its state is the row). The cluster row is
// locked too, so steps serialise with deploys, deletes and single-proxy upgrades (R4, R9, R10).
import { auditInTx } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { log } from "@/lib/log";
import { queueUpgrade } from "./queue-upgrade";
import { proxiesNow } from "./rollouts";
import { advanceRollout, type RolloutStep } from "./steps";

/** How long a proxy may take to report the new version before its step fails. */
export function stepTimeoutMs(): number {
  return Number(process.env.ROLLOUT_STEP_TIMEOUT_SECONDS ?? 600) * 1000;
}
/** A running rollout is looked at this often. */
const TICK_MS = 2000;

async function claimDue(tx: Tx): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM upgrade_rollout
    WHERE status IN ('running', 'paused') AND next_run_at <= clock_timestamp()
    ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
  return rows[0]?.id ?? null;
}

/** One pass over one due rollout; false when none was due. */
export async function advanceOneRollout(now = () => new Date()): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      const id = await claimDue(tx);
      if (!id) return false;
      const row = await tx.upgradeRollout.findUniqueOrThrow({ where: { id } });
      const cluster = await lockCluster(tx, row.clusterId);
      if (!cluster || (row.status !== "running" && row.status !== "paused")) return true;
      const at = now();
      const proxies = new Map((await proxiesNow(tx, row.clusterId, at)).map((p) => [p.id, p]));
      const result = advanceRollout({
        status: row.status,
        batchSize: row.batchSize,
        target: row.targetVersion,
        steps: row.steps as RolloutStep[],
        proxies,
        minOnline: cluster.minOnlineProxies,
        now: at,
        stepTimeoutMs: stepTimeoutMs(),
      });
      const ctx: RequestContext = {
        requestId: `upgrade-rollout:${id}`,
        ip: null,
        actor: { type: row.actorType as "user", id: row.actorId, name: row.actorName },
        role: null,
      };
      const target = { type: "proxy", region: cluster.region };
      for (const proxyId of result.start) await queueUpgrade(tx, proxyId, row.targetVersion);
      // Audited per step (R20): who asked for the rollout, which proxy, what happened.
      for (const event of result.events)
        await auditInTx(
          tx,
          ctx,
          `upgrade_rollout.step`,
          { ...target, id: event.proxyId, name: event.name },
          {
            rolloutId: id,
            clusterId: cluster.id,
            to: row.targetVersion,
            outcome: event.kind,
            ...("from" in event
              ? { from: event.from }
              : { reason: event.reason, ...(event.message ? { message: event.message } : {}) }),
          },
        );
      if (result.status === "done")
        await auditInTx(
          tx,
          ctx,
          "upgrade_rollout.finish",
          { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region },
          {
            rolloutId: id,
            to: row.targetVersion,
            upgraded: result.steps.filter((s) => s.state === "done").length,
            skipped: result.steps.filter((s) => s.state === "skipped").length,
            failed: result.steps.filter((s) => s.state === "failed").length,
          },
        );
      if (result.status === "paused" && row.status === "running")
        log.warn({ rolloutId: id, hold: result.hold }, "upgrade rollout paused after a failed step");
      const watching = result.steps.some((s) => s.state === "upgrading");
      await tx.upgradeRollout.update({
        where: { id },
        data: {
          steps: result.steps as unknown as Prisma.InputJsonValue,
          status: result.status,
          holdReason: result.hold ?? Prisma.DbNull,
          // A paused rollout with nothing under way has nothing to watch until it is resumed.
          nextRunAt: new Date(at.getTime() + (result.status === "paused" && !watching ? 60_000 : TICK_MS)),
          ...(result.status === "done" ? { finishedAt: at } : {}),
        },
      });
      return true;
    },
    { timeout: 15_000 },
  );
}

/** Every due rollout once; returns how many were advanced. */
export async function runDueRollouts(max = 20): Promise<number> {
  let ran = 0;
  while (ran < max && (await advanceOneRollout())) ran++;
  return ran;
}

let timer: NodeJS.Timeout | null = null;

/** Started once per console process (instrumentation.ts); ROLLOUT_WORKER=0 turns it off. */
export function startRolloutWorker(everyMs = 1000) {
  if (timer || process.env.ROLLOUT_WORKER === "0") return;
  let busy = false;
  timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runDueRollouts()
      .catch((err) => log.error({ err }, "upgrade rollout worker"))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
}

/** On shutdown (SIGTERM): no new steps; a rollout's state is its row, so any instance goes on. */
export function stopRolloutWorker() {
  if (timer) clearInterval(timer);
  timer = null;
}
