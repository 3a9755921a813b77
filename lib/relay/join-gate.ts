// Paces agents joining through proxies (issue 16): a fleet-wide reconnect (every proxy restarting
// at once) sends every agent's credential within an interval. Each console process checks at most
// RELAY_JOIN_CONCURRENCY join batches at a time; a heartbeat that finds them all busy is still
// recorded (the proxy stays online, its leaves and pending changes are handled), but its joins are
// deferred: the answer says when to report them again, and the proxy keeps them until then.

const DEFAULT_CONCURRENCY = 2;
let running = 0;

function limit(): number {
  const raw = Number(process.env.RELAY_JOIN_CONCURRENCY ?? DEFAULT_CONCURRENCY);
  return Number.isInteger(raw) && raw >= 1 ? raw : DEFAULT_CONCURRENCY;
}

/** How long a proxy waits before reporting deferred joins again: 2–5 s, spread so they do not return together. */
export function deferSeconds(random = Math.random): number {
  return 2 + Math.floor(random() * 4);
}

/** Runs `join` if a slot is free; otherwise returns null at once (the caller defers the joins). */
export async function withJoinSlot<T>(join: () => Promise<T>): Promise<T | null> {
  if (running >= limit()) return null;
  running++;
  try {
    return await join();
  } finally {
    running--;
  }
}
