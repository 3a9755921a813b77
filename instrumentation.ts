// Runs once when a console process starts: background work that must survive restarts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.CONNECT_JOB_WORKER !== "0") {
    const { startConnectJobWorker } = await import("@/lib/clients/run-connect-jobs");
    startConnectJobWorker();
  }
  // RETENTION_INTERVAL_MINUTES=0 turns it off.
  const { startRetentionJob } = await import("@/lib/retention/schedule");
  startRetentionJob();
}
