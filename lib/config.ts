// Timing settings of SPEC §7, read once per process. Production defaults; tests shorten them.
function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

export const config = {
  heartbeatIntervalSeconds: seconds("HEARTBEAT_INTERVAL_SECONDS", 30),
  offlineAfterSeconds: seconds("OFFLINE_AFTER_SECONDS", 90),
  batchIntervalSeconds: seconds("BATCH_INTERVAL_SECONDS", 60),
  /** R12: not configurable. */
  batchSize: 500,
};
