// The liveness clock (issue 15): every console instance ticks one shared row (liveness_clock)
// every few seconds on the database's clock; a tick that finds the last one older than the gap
// threshold records the silence as a gap. Status derivation then discounts the gaps
// (window.ts): a console or database outage does not turn a healthy fleet offline (R7).
// The gaps are kept in this process too, refreshed by each tick, so the window is a synchronous,
// cheap read for the lists of a million rows.
import { config } from "@/lib/config";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { livenessWindowMs, type LivenessGap } from "./window";

/** How often an instance ticks. */
export const TICK_SECONDS = 5;
/** A silence longer than this is a gap: several missed ticks of every instance at once. */
export const GAP_SECONDS = 20;

type ClockRow = {
  last_tick_at: Date;
  gap_started_at: Date | null;
  gap_ended_at: Date | null;
  prev_gap_started_at: Date | null;
  prev_gap_ended_at: Date | null;
};

type Known = { lastTickAt: number; tickedLocallyAt: number; gaps: LivenessGap[] };
// On globalThis: Next bundles instrumentation.ts (which ticks) apart from the route handlers
// (which read), and each bundle may hold its own copy of this module.
const shared = globalThis as typeof globalThis & { __pacLivenessClock?: { known: Known | null } };
const state = (shared.__pacLivenessClock ??= { known: null });
let memo: { known: Known; at: number; base: number; deaf: boolean; seconds: number } | null = null;

function gapsOf(row: ClockRow): LivenessGap[] {
  const gaps: LivenessGap[] = [];
  if (row.gap_started_at && row.gap_ended_at) gaps.push({ startedAt: +row.gap_started_at, endedAt: +row.gap_ended_at });
  if (row.prev_gap_started_at && row.prev_gap_ended_at)
    gaps.push({ startedAt: +row.prev_gap_started_at, endedAt: +row.prev_gap_ended_at });
  return gaps;
}

/**
 * One tick: moves last_tick_at to now() and, when it was more than `gapSeconds` behind, records
 * [last_tick_at, now()] as the latest gap (the previous one shifts to prev_*). One statement on one
 * row, so instances ticking together serialise on it; GREATEST keeps the clock from going back
 * when a slower instance's now() is older than the tick that just went in. Returns the gap this
 * tick recorded, if any.
 */
export async function tickLivenessClock(gapSeconds = GAP_SECONDS): Promise<LivenessGap | null> {
  const [row] = await queryRows<ClockRow & { recorded: boolean }>(Prisma.sql`
    INSERT INTO liveness_clock AS c (id, last_tick_at) VALUES (1, now())
    ON CONFLICT (id) DO UPDATE SET
      last_tick_at = GREATEST(c.last_tick_at, now()),
      gap_started_at = CASE WHEN now() - c.last_tick_at > make_interval(secs => ${gapSeconds}) THEN c.last_tick_at ELSE c.gap_started_at END,
      gap_ended_at = CASE WHEN now() - c.last_tick_at > make_interval(secs => ${gapSeconds}) THEN now() ELSE c.gap_ended_at END,
      prev_gap_started_at = CASE WHEN now() - c.last_tick_at > make_interval(secs => ${gapSeconds}) THEN c.gap_started_at ELSE c.prev_gap_started_at END,
      prev_gap_ended_at = CASE WHEN now() - c.last_tick_at > make_interval(secs => ${gapSeconds}) THEN c.gap_ended_at ELSE c.prev_gap_ended_at END
    RETURNING c.last_tick_at, c.gap_started_at, c.gap_ended_at, c.prev_gap_started_at, c.prev_gap_ended_at,
              COALESCE(c.gap_ended_at = now()::timestamptz(3), false) AS recorded`);
  const known = { lastTickAt: +row!.last_tick_at, tickedLocallyAt: Date.now(), gaps: gapsOf(row!) };
  state.known = known;
  return row!.recorded ? known.gaps[0]! : null;
}

/**
 * The offline threshold at `now` (R7), in seconds: `base` (OFFLINE_AFTER_SECONDS) plus the time
 * within it the console could not hear. While this instance's own ticks have been failing for more
 * than a gap (the database is away), the silence so far counts as a gap too, so the first reads
 * after the database returns do not precede the tick that records it. Before any tick (tests,
 * scripts), the plain threshold.
 */
export function offlineAfterSecondsAt(now: Date = new Date(), base = config.offlineAfterSeconds): number {
  const known = state.known;
  if (!known) return base;
  const deaf = Date.now() - known.tickedLocallyAt > GAP_SECONDS * 1000;
  // A list derives a status per row with the same `now`: work it out once.
  if (memo && memo.known === known && memo.at === now.getTime() && memo.base === base && memo.deaf === deaf) return memo.seconds;
  const gaps = deaf ? [...known.gaps, { startedAt: known.lastTickAt, endedAt: now.getTime() }] : known.gaps;
  const seconds = livenessWindowMs(now.getTime(), base * 1000, gaps) / 1000;
  memo = { known, at: now.getTime(), base, deaf, seconds };
  return seconds;
}

/** True while a recorded gap widens the window: what the console knows of the fleet predates it. */
export function livenessDiscounted(now: Date = new Date()): boolean {
  return offlineAfterSecondsAt(now) > config.offlineAfterSeconds;
}

let timer: NodeJS.Timeout | null = null;

/**
 * Started once per console process (instrumentation.ts), at once and then every TICK_SECONDS;
 * resolves when the first tick has settled, so a process started after an outage can know of it
 * before its first request.
 */
export function startLivenessClock(everyMs = TICK_SECONDS * 1000): Promise<void> {
  if (timer) return Promise.resolve();
  let busy = false;
  let failing = false;
  const tick = () => {
    if (busy) return Promise.resolve();
    busy = true;
    return tickLivenessClock()
      .then((gap) => {
        if (failing) log.info("liveness clock ticking again");
        failing = false;
        if (gap)
          log.warn(
            {
              gapStartedAt: new Date(gap.startedAt),
              gapEndedAt: new Date(gap.endedAt),
              seconds: (gap.endedAt - gap.startedAt) / 1000,
            },
            "the console heard nothing for a while: that time does not count against the fleet's liveness",
          );
      })
      .catch((err: unknown) => {
        // Once per outage: the tick fails every few seconds until the database is back.
        if (!failing) log.error({ err }, "liveness clock tick failed; retrying every few seconds");
        failing = true;
      })
      .finally(() => (busy = false));
  };
  timer = setInterval(tick, everyMs);
  timer.unref();
  return tick();
}

/** On shutdown, and for tests. */
export function stopLivenessClock() {
  if (timer) clearInterval(timer);
  timer = null;
}

/** For tests: forget what the ticks learned. */
export function resetLivenessClock() {
  state.known = null;
}
