// SIGTERM (issue 15, point 4): a console process stops within a bound. Next's own handler closes
// the listener at once (a new connection is refused) and exits once the requests in flight have
// answered and their keep-alive connections closed; this adds what Next does not know of: the
// background workers stop taking work, and a request still running at the bound is cut off by
// exiting, instead of holding the stop. Work cut
// off is a transaction rolled back, as after a crash; background work is claimed in the database
// and taken up by another instance.
import { log } from "@/lib/log";

let stopping = false;

/** SHUTDOWN_GRACE_SECONDS (default 8): how long requests in flight may take after SIGTERM. */
export function shutdownGraceMs(): number {
  const raw = process.env.SHUTDOWN_GRACE_SECONDS?.trim();
  const seconds = raw === undefined || raw === "" ? 8 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds above 0, got "${raw}"`);
  return seconds * 1000;
}

/** Registered once per console process (instrumentation.ts); `stopWorkers` ends the background jobs. */
export function stopGracefullyOnSignal(stopWorkers: () => void, graceMs = shutdownGraceMs()) {
  const begin = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stopWorkers();
    log.info({ signal, graceSeconds: graceMs / 1000 }, "stopping: no new connections, finishing the requests in flight");
    setTimeout(() => {
      log.warn({ graceSeconds: graceMs / 1000 }, "stopping: requests still running at the bound are cut off");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }, graceMs).unref();
  };
  process.once("SIGTERM", begin);
  process.once("SIGINT", begin);
}
