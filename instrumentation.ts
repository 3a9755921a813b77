// Runs once when a console process starts: background work that must survive restarts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CONNECT_JOB_WORKER === "0") return;
  const { startConnectJobWorker } = await import("@/lib/clients/run-connect-jobs");
  startConnectJobWorker();
}
