// The client agent's heartbeat loop (SPEC §7, R7): keeps the agent online and runs its
// tasks. `deploy-proxy` (quick deploy, R5) starts a proxy loop in this process, heartbeating
// with the agent's own credential; that proxy's upgrade and stop tasks reach it through its
// own heartbeat answers, so the agent ignores their copies in its task list.
import { ProtocolError, jittered, sleep } from "./protocol.mjs";
import { runProxyLoop } from "./proxy-loop.mjs";

/**
 * @param {{
 *   client: ReturnType<import("./protocol.mjs").createProtocolClient>,
 *   agentVersion: string,
 *   log: object,
 *   signal?: AbortSignal,
 *   proxies?: { proxyId: string, version: string }[],
 *   onProxiesChange?: (proxies: { proxyId: string, version: string }[]) => void,
 *   onHeartbeat?: (answer: object) => void,
 *   proxyOptions?: object,
 *   intervalSeconds?: number | null,
 *   random?: () => number,
 * }} options
 * @returns {Promise<{ reason: "unauthorized" | "gone" | "rejected" | "aborted", error?: string }>}
 */
export async function runAgentLoop(options) {
  const { client, agentVersion, log, signal, random = Math.random } = options;
  const onProxiesChange = options.onProxiesChange ?? (() => undefined);
  /** proxyId → { version, controller } */
  const running = new Map();
  let interval = options.intervalSeconds ?? 30;

  const persist = () => onProxiesChange([...running].map(([proxyId, p]) => ({ proxyId, version: p.version })));

  function startProxy(proxyId, version) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener("abort", stop, { once: true });
    const entry = { version, controller };
    running.set(proxyId, entry);
    persist();
    log.info("proxy started (quick deploy)", { proxyId, version });
    void runProxyLoop({
      ...options.proxyOptions,
      client,
      proxyId,
      version,
      log,
      signal: controller.signal,
      random,
      onVersion: (v) => {
        entry.version = v;
        persist();
      },
    }).then(
      (result) => {
        signal?.removeEventListener("abort", stop);
        if (result.reason === "aborted") return; // the agent itself is stopping: keep it for the restart
        running.delete(proxyId);
        persist();
        log.info("proxy ended", { proxyId, reason: result.reason });
      },
      (error) => log.error("proxy loop crashed", { proxyId, error }),
    );
  }

  for (const p of options.proxies ?? []) startProxy(p.proxyId, p.version);

  while (!signal?.aborted) {
    try {
      const answer = await client.heartbeat({ agentVersion, viaProxyId: null });
      options.onHeartbeat?.(answer);
      if (!options.intervalSeconds && answer.heartbeatIntervalSeconds > 0) interval = answer.heartbeatIntervalSeconds;
      for (const task of answer.tasks ?? []) {
        if (task.type !== "deploy-proxy") continue;
        const { proxyId, version } = task.payload ?? {};
        if (typeof proxyId === "string" && !running.has(proxyId)) {
          log.info("deploy-proxy task received", {
            taskId: task.id,
            proxyId,
            version,
            contactAddress: task.payload.contactAddress,
          });
          startProxy(proxyId, version);
        }
      }
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      if (error.kind === "aborted") break;
      if (error.fatal) {
        log.error(
          error.kind === "unauthorized"
            ? "the console no longer accepts this agent's credential (401): exiting; run a new install command"
            : "the console refused this agent: exiting",
          { error: error.message },
        );
        for (const p of running.values()) p.controller.abort();
        return { reason: error.kind, error: error.message };
      }
      log.warn("heartbeat failed; trying again next interval", { error: error.message });
    }
    if (await sleep(jittered(interval * 1000, 0.1, random), signal)) break;
  }
  return { reason: "aborted" };
}
