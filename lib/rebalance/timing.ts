// The rebalance's clock (issue 16), from the heartbeat settings of SPEC §7.
import { config } from "@/lib/config";
import { MOVES_PER_MINUTE } from "./plan";

export function rebalanceIntervalSeconds(): number {
  const raw = process.env.REBALANCE_INTERVAL_SECONDS;
  const value = raw === undefined || raw === "" ? 60 : Number(raw);
  if (!Number.isFinite(value) || value < 1) throw new Error(`REBALANCE_INTERVAL_SECONDS must be at least 1, got "${raw}"`);
  return value;
}

/** The R12 pace for one pass of `intervalSeconds`: 500 a minute, whatever the interval. */
export function movesPerPass(intervalSeconds: number): number {
  return Math.max(1, Math.floor((MOVES_PER_MINUTE * Math.min(intervalSeconds, 60)) / 60));
}

/**
 * How long a move request counts for its target: the giver passes it on with its next heartbeat,
 * the agent follows it with its next one, and the target reports it within a second. A move not
 * done by then (the agent cannot reach the target, or the target died meanwhile) is forgotten, and
 * the next pass plans again from where the agents really are.
 */
export function moveStaleSeconds(heartbeatSeconds = config.heartbeatIntervalSeconds): number {
  return 2 * heartbeatSeconds + 15;
}

/**
 * A proxy that takes agents must have been heard within about one interval: one that just died
 * still counts as online until the offline threshold, and agents sent to it would only fail over back.
 */
export function recentlyHeardSeconds(
  heartbeatSeconds = config.heartbeatIntervalSeconds,
  offlineAfterSeconds = config.offlineAfterSeconds,
): number {
  return Math.min(offlineAfterSeconds, heartbeatSeconds * 1.5 + 1);
}
