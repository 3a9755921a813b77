// The console's Prometheus metrics (issue 14), one registry per process (prom-client). Counters
// and histograms are fed where the work happens; the pool's and the fleet's gauges are read when
// /metrics is scraped. Kept on globalThis so a dev server's reloads do not register twice.
import client from "prom-client";

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "pac_" }); // pac_process_*, pac_nodejs_*
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "pac_http_requests_total",
      help: "API requests answered, by route template, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "pac_http_request_duration_seconds",
      help: "Time to answer an API request, by route template and method.",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    relayBatches: new client.Counter({
      name: "pac_relay_batches_total",
      help: "Proxy heartbeats that carried agents that joined or left.",
      registers,
    }),
    relayBatchClients: new client.Histogram({
      name: "pac_relay_batch_clients",
      help: "Agents that joined or left in one proxy heartbeat.",
      buckets: [1, 5, 10, 50, 100, 500, 1000, 5000, 10000],
      registers,
    }),
    ingestLag: new client.Histogram({
      name: "pac_ingest_lag_seconds",
      help: "From a data record's time on the agent to its arrival at the console.",
      buckets: [0.5, 1, 5, 15, 30, 60, 300, 900, 3600],
      registers,
    }),
    ingestRecords: new client.Counter({
      name: "pac_ingest_records_total",
      help: "Data records received, by outcome: accepted, refused, or duplicate (a proxy's batch sent again, applied once).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    ingestThrottled: new client.Counter({
      name: "pac_ingest_throttled_total",
      help: "Proxy data batches answered 429 INGEST_PACED because this instance's ingest slots were busy.",
      registers,
    }),
    connectWaves: new client.Counter({
      name: "pac_connect_job_waves_total",
      help: "Connect-job waves run by this instance, by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    retentionRuns: new client.Counter({
      name: "pac_retention_runs_total",
      help: "Retention runs by this instance, by outcome (ran, skipped while another instance held the lock, failed).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    retentionDeleted: new client.Counter({
      name: "pac_retention_deleted_rows_total",
      help: "Rows deleted by retention, by table.",
      labelNames: ["table"] as const,
      registers,
    }),
    // Read when scraped (lib/metrics/fleet.ts).
    dbPoolConnections: new client.Gauge({
      name: "pac_db_pool_connections",
      help: "Connections of this instance's PostgreSQL pool, by state (in_use, idle).",
      labelNames: ["state"] as const,
      registers,
    }),
    dbPoolWaiting: new client.Gauge({
      name: "pac_db_pool_waiting",
      help: "Queries of this instance waiting for a pool connection.",
      registers,
    }),
    clusters: new client.Gauge({
      name: "pac_clusters",
      help: "Proxy clusters by region and status (online, degraded, offline).",
      labelNames: ["region", "status"] as const,
      registers,
    }),
    proxies: new client.Gauge({
      name: "pac_proxies",
      help: "Proxy servers by region and status (deploying, online, upgrading, stopping, offline).",
      labelNames: ["region", "status"] as const,
      registers,
    }),
    clusterClients: new client.Gauge({
      name: "pac_cluster_clients",
      help: "Connected clients of a cluster by agent status (online, offline).",
      labelNames: ["region", "cluster", "agent"] as const,
      registers,
    }),
    clusterCapacityUse: new client.Gauge({
      name: "pac_cluster_capacity_use_ratio",
      help: "Connected clients over the capacity of the cluster's serving proxies (1 = full).",
      labelNames: ["region", "cluster"] as const,
      registers,
    }),
    clusterBandwidthUse: new client.Gauge({
      name: "pac_cluster_bandwidth_use_ratio",
      help: "Required bandwidth over the cluster's custom bandwidth limit (clusters with a limit only).",
      labelNames: ["region", "cluster"] as const,
      registers,
    }),
  };
}

export type ConsoleMetrics = ReturnType<typeof create>;

const globalForMetrics = globalThis as unknown as { pacMetrics?: ConsoleMetrics };

export function metrics(): ConsoleMetrics {
  globalForMetrics.pacMetrics ??= create();
  return globalForMetrics.pacMetrics;
}
