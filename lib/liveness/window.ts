// R7 with the console's deafness discounted (issue 15): an agent or proxy last heard at `at` is
// fresh at `now` when it has been silent for at most T seconds of the time the console could
// hear, i.e. now - at - overlap(gaps, [at, now]) <= T. The gaps are the outages the liveness clock
// recorded (the console or its database away: nothing could be heard). The left side only grows as
// `at` moves back, so freshness is one cut-off `since`, and one effective window now - since.

/** A silence of the console, in epoch milliseconds. */
export type LivenessGap = { startedAt: number; endedAt: number };

/**
 * The effective offline window at `nowMs`, in milliseconds: `baseMs` plus the gap time within it.
 * Walking back from now, heard time uses the window up and gap time is free. A gap that ended
 * more than `baseMs` of heard time ago changes nothing; one being discounted makes the window
 * baseMs + its length, so a proxy already offline when the console went deaf stays offline.
 */
export function livenessWindowMs(nowMs: number, baseMs: number, gaps: readonly LivenessGap[]): number {
  const sorted = gaps
    .map((g) => ({ startedAt: g.startedAt, endedAt: Math.min(g.endedAt, nowMs) }))
    .filter((g) => g.endedAt > g.startedAt)
    .sort((a, b) => b.endedAt - a.endedAt);
  let cursor = nowMs;
  let remaining = baseMs;
  for (const gap of sorted) {
    if (gap.startedAt >= cursor) continue; // inside a gap already skipped (overlapping gaps)
    const heard = Math.max(0, cursor - gap.endedAt);
    if (heard > remaining) break;
    remaining -= heard;
    cursor = gap.startedAt;
  }
  return nowMs - (cursor - remaining);
}
