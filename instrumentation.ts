// Runs once when a console process starts: background work that must survive restarts. Every
// worker is safe with several instances: each claims its work in the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: the liveness clock (issue 15) records the console's own outages, which status
  // derivation then does not count against the fleet (R7).
  // Its first tick is awaited (2 s at most) so that a console started after an outage knows of it
  // before its first request.
  const { startLivenessClock } = await import("@/lib/liveness/clock");
  await Promise.race([startLivenessClock(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  if (process.env.CONNECT_JOB_WORKER !== "0") {
    const { startConnectJobWorker } = await import("@/lib/clients/run-connect-jobs");
    startConnectJobWorker();
  }
  // Rolling upgrades (issue 17): steps taken by whichever instance claims the rollout.
  const { startRolloutWorker } = await import("@/lib/rollouts/run-rollouts");
  startRolloutWorker();
  // RETENTION_INTERVAL_MINUTES=0 turns it off.
  const { startRetentionJob } = await import("@/lib/retention/schedule");
  startRetentionJob();
  // Proxy groups: one pass a REBALANCE_INTERVAL_SECONDS per cluster, whichever instance claims it.
  const { startRebalanceWorker } = await import("@/lib/rebalance/run-rebalance");
  startRebalanceWorker();
  // Alerts (issue 14): evaluation by the lease holder, webhook delivery by any instance.
  const { startAlertWorkers } = await import("@/lib/alerts/worker");
  startAlertWorkers();
  // METRICS_LISTEN=host:port: /metrics without a token on that address (issue 14).
  const { startMetricsListener } = await import("@/lib/metrics/listen");
  const metricsListener = startMetricsListener();

  // SIGTERM (issue 15): Next stops listening and finishes the requests in flight; the workers
  // stop taking work, and whatever still runs at SHUTDOWN_GRACE_SECONDS is cut off.
  const { stopGracefullyOnSignal } = await import("@/lib/http/graceful-stop");
  const { stopConnectJobWorker } = await import("@/lib/clients/run-connect-jobs");
  const { stopRolloutWorker } = await import("@/lib/rollouts/run-rollouts");
  const { stopRetentionJob } = await import("@/lib/retention/schedule");
  const { stopRebalanceWorker } = await import("@/lib/rebalance/run-rebalance");
  const { stopAlertWorkers } = await import("@/lib/alerts/worker");
  const { stopLivenessClock } = await import("@/lib/liveness/clock");
  stopGracefullyOnSignal(() => {
    stopLivenessClock();
    stopConnectJobWorker();
    stopRolloutWorker();
    stopRetentionJob();
    stopRebalanceWorker();
    stopAlertWorkers();
    metricsListener?.close();
    metricsListener?.closeAllConnections();
  });
}
