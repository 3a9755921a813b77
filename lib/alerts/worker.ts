// Started once per console process (instrumentation.ts). Every instance runs both timers: the
// evaluation only acts in the instance holding the "alerts" lease (a dead holder's lease runs out
// after three intervals and another instance takes over); deliveries are claimed row by row.
// ALERT_EVAL_INTERVAL_SECONDS (default 15) and WEBHOOK_DELIVERY_INTERVAL_SECONDS (default 5);
// 0 turns either off. The timers never keep the process alive; a failed pass is logged and the
// next tick tries again.
import { log } from "@/lib/log";
import { deliverDue } from "./deliver";
import { evaluateOnce } from "./evaluate";

function interval(name: string, fallback: number): number | null {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds (0 turns it off), got "${raw}"`);
  return value === 0 ? null : value;
}

export function alertIntervals() {
  return {
    evalSeconds: interval("ALERT_EVAL_INTERVAL_SECONDS", 15),
    deliverySeconds: interval("WEBHOOK_DELIVERY_INTERVAL_SECONDS", 5),
  };
}

const timers: NodeJS.Timeout[] = [];

function every(seconds: number, what: string, pass: () => Promise<unknown>) {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    pass()
      .catch((err: unknown) => log.error({ err }, `${what} failed; retrying at the next tick`))
      .finally(() => (busy = false));
  }, seconds * 1000);
  timer.unref();
  timers.push(timer);
}

export function startAlertWorkers() {
  if (timers.length) return;
  const { evalSeconds, deliverySeconds } = alertIntervals();
  if (evalSeconds !== null)
    every(evalSeconds, "alert evaluation", () => evaluateOnce({ leaseSeconds: Math.max(3 * evalSeconds, 10) }));
  if (deliverySeconds !== null) every(deliverySeconds, "webhook delivery", () => deliverDue());
}

/** For tests. */
export function stopAlertWorkers() {
  for (const t of timers.splice(0)) clearInterval(t);
}
