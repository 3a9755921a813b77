// Timing settings of SPEC §7, read once per process. Production defaults; tests shorten them.
function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

/** A whole number of days (or minutes) kept; 0 or "off" turns the class off (null). */
function period(name: string, fallback: number, unit: "days" | "minutes"): number | null {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "0" || raw.toLowerCase() === "off") return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 36_500)
    throw new Error(`${name} must be a whole number of ${unit} (1 to 36500), or 0/off, got "${raw}"`);
  return value;
}

export const config = {
  heartbeatIntervalSeconds: seconds("HEARTBEAT_INTERVAL_SECONDS", 30),
  offlineAfterSeconds: seconds("OFFLINE_AFTER_SECONDS", 90),
  batchIntervalSeconds: seconds("BATCH_INTERVAL_SECONDS", 60),
  /** R12: not configurable. */
  batchSize: 500,
  /** Bounded storage (lib/retention): how long each class of rows is kept; null keeps it forever. */
  retention: {
    intervalMinutes: period("RETENTION_INTERVAL_MINUTES", 60, "minutes"),
    rollupDays: period("RETENTION_ROLLUP_DAYS", 30, "days"),
    sampleDays: period("RETENTION_SAMPLE_DAYS", 30, "days"),
    auditDays: period("RETENTION_AUDIT_DAYS", 400, "days"),
    batchDays: period("RETENTION_BATCH_DAYS", 30, "days"),
    jobDays: period("RETENTION_JOB_DAYS", 30, "days"),
  },
};

export type RetentionSettings = typeof config.retention;

/** The port proxies listen on for agents, written into the install commands of a cluster (SPEC §8). */
export function proxyPort(): number {
  const raw = process.env.PROXY_PORT;
  const port = raw === undefined || raw === "" ? 8080 : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PROXY_PORT must be a TCP port, got "${raw}"`);
  return port;
}

/** How long a cluster certificate is valid (issue 17 part 4); renewed when less than a third is left. */
export function clusterCertValidityMs(): number {
  const raw = process.env.CLUSTER_CERT_DAYS;
  const days = raw === undefined || raw === "" ? 90 : Number(raw);
  if (!Number.isFinite(days) || days <= 0 || days > 825)
    throw new Error(`CLUSTER_CERT_DAYS must be a number of days above 0 and at most 825, got "${raw}"`);
  return Math.round(days * 86_400_000);
}
