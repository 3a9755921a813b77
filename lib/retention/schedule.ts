// Started once per console process (instrumentation.ts): the retention job a short, jittered
// while after start (so instances started together do not all knock at once), then every
// RETENTION_INTERVAL_MINUTES. The timers never keep the process alive, and a failed run (the
// database away) is logged and tried again at the next tick.
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { runRetention } from "./run-retention";

let timer: NodeJS.Timeout | null = null;

export function startRetentionJob(options: { firstDelayMs?: number; everyMs?: number } = {}): NodeJS.Timeout | null {
  const minutes = config.retention.intervalMinutes;
  if (timer || minutes === null) return timer;
  const everyMs = options.everyMs ?? minutes * 60_000;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    // Instances' timers drift apart; a run by any of them within 90 % of the interval counts.
    runRetention(new Date(), { minGapMs: everyMs * 0.9 })
      .catch((err: unknown) => log.error({ err }, "retention job failed; retrying at the next tick"))
      .finally(() => (busy = false));
  };
  const firstDelayMs = options.firstDelayMs ?? 30_000 + Math.random() * 60_000;
  timer = setTimeout(() => {
    tick();
    timer = setInterval(tick, everyMs);
    timer.unref();
  }, firstDelayMs);
  timer.unref();
  return timer;
}

/** For tests: stops the timers. */
export function stopRetentionJob() {
  if (timer) clearTimeout(timer);
  timer = null;
}
