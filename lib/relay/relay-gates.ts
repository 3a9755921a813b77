// Paces what proxies send when they all send at once (issue 16): a fleet-wide reconnect (every
// proxy restarting) brings every agent's credential and every queued record within an interval.
// Each console process works on at most a few join batches and a few data batches at a time:
//  - joins: a heartbeat that finds the join slots busy is still recorded (the proxy stays online,
//    its leaves and pending changes are handled), but its joins are deferred: the answer says when
//    to report them again, and the proxy keeps them until then;
//  - data: a batch that finds the data slots busy is answered 429 with Retry-After; the proxy keeps
//    it queued and sends it again then.
// Without them, requests queue for the database pool until the proxies' requests time out.
import { AppError } from "@/lib/http/errors";
import { metrics } from "@/lib/metrics/registry";

function gate(envName: string, fallback: number) {
  let running = 0;
  const limit = () => {
    const raw = Number(process.env[envName] ?? fallback);
    return Number.isInteger(raw) && raw >= 1 ? raw : fallback;
  };
  /** Runs `work` if a slot is free; otherwise returns null at once. */
  return async function withSlot<T>(work: () => Promise<T>): Promise<T | null> {
    if (running >= limit()) return null;
    running++;
    try {
      return await work();
    } finally {
      running--;
    }
  };
}

/** A delay of 2–5 s, spread so that deferred proxies do not all come back together. */
export function deferSeconds(random = Math.random): number {
  return 2 + Math.floor(random() * 4);
}

/** RELAY_JOIN_CONCURRENCY (2) join batches at a time per process; null: deferred. */
export const withJoinSlot = gate("RELAY_JOIN_CONCURRENCY", 2);

const withDataSlot = gate("RELAY_DATA_CONCURRENCY", 4);

/** RELAY_DATA_CONCURRENCY (4) data batches at a time per process; past that, 429 with Retry-After. */
export async function pacedIngest<T>(ingest: () => Promise<T>): Promise<T> {
  const result = await withDataSlot(ingest);
  if (result !== null) return result;
  metrics().ingestThrottled.inc();
  const seconds = deferSeconds();
  throw new AppError(
    "INGEST_PACED",
    "The console is taking in other proxies' data; send this batch again after Retry-After.",
    { retryAfterSeconds: seconds },
    { "Retry-After": String(seconds) },
  );
}
