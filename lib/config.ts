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

/** The port proxies listen on for agents, written into the install commands of a cluster (SPEC §8). */
export function proxyPort(): number {
  const raw = process.env.PROXY_PORT;
  const port = raw === undefined || raw === "" ? 8080 : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PROXY_PORT must be a TCP port, got "${raw}"`);
  return port;
}
