// Runs once when a console process starts: background work that must survive restarts. Every
// worker is safe with several instances: each claims its work in the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CONNECT_JOB_WORKER === "0") return;
  const { startConnectJobWorker } = await import("@/lib/clients/run-connect-jobs");
  startConnectJobWorker();
  const { startRebalanceWorker } = await import("@/lib/rebalance/run-rebalance");
  startRebalanceWorker();
}
