// The agent's data (SPEC §8): collectors read the host every interval; the records wait in a
// bounded queue (the oldest are dropped past it, and counted) and go out in batches to wherever
// the agent reports, its proxy or the console. A failed send keeps the batch for the next round.
import { sleep } from "../protocol.mjs";

export const MAX_QUEUED_RECORDS = 5000;
const BATCH = 500;

export function createDataSender({ client, collectors, maxQueued = MAX_QUEUED_RECORDS, log }) {
  const queue = [];
  const stats = { sent: 0, dropped: 0, failures: 0 };

  function collect() {
    for (const c of collectors) queue.push(...c.collect());
    if (queue.length > maxQueued) {
      stats.dropped += queue.length - maxQueued;
      queue.splice(0, queue.length - maxQueued);
    }
  }

  async function flush(signal) {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        await client.agentData(batch, { signal });
      } catch (error) {
        if (error?.kind === "aborted") throw error;
        stats.failures++;
        log?.warn("data not sent; kept for the next round", { records: queue.length, error: error?.message });
        return;
      }
      queue.splice(0, batch.length);
      stats.sent += batch.length;
    }
  }

  return {
    stats,
    get queued() {
      return queue.length;
    },
    collect,
    flush,
    /** Collects and sends every `intervalMs` until `signal` aborts. */
    async run({ intervalMs, signal }) {
      while (!signal?.aborted) {
        collect();
        try {
          // The loop's signal stops a send waiting out a Retry-After too: a refused agent exits at once.
          await flush(signal);
        } catch {
          return;
        }
        if (await sleep(intervalMs, signal)) return;
      }
    },
  };
}
