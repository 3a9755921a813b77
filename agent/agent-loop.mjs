// The client agent's heartbeat loop (SPEC §7, R7): keeps the agent online and runs its
// tasks. `deploy-proxy` (quick deploy, R5) starts a proxy loop in this process, heartbeating
// with the agent's own credential; that proxy's upgrade and stop tasks reach it through its
// own heartbeat answers, so the agent ignores their copies in its task list.
//
// The answer also says where the agent reports (SPEC §8): its cluster's proxies or the console.
// When that changes (connected in the panel, moved, disconnected) the agent moves at once, and
// `onRouteChange` keeps the config file in step so a restart keeps the route.
import { applyRoute, sameRoute } from "./client/route.mjs";
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
  let route = options.route ?? null;
  /** The last rebalance request this agent followed (proxy and time). */
  let preferred = null;
  /** proxyId → { version, controller } */
  const running = new Map();
  let interval = options.intervalSeconds ?? 30;

  const persist = () =>
    onProxiesChange(
      [...running].map(([proxyId, p]) => ({ proxyId, version: p.version, ...(p.listen ? { listen: p.listen } : {}) })),
    );

  function startProxy(proxyId, version, listen = null) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener("abort", stop, { once: true });
    const entry = { version, controller, listen };
    running.set(proxyId, entry);
    persist();
    log.info("proxy started (quick deploy)", { proxyId, version });
    // A quick-deployed proxy listens for agents like a manual one (options.makeRelay).
    const relayReady = options.makeRelay ? options.makeRelay(proxyId, controller.signal, listen) : Promise.resolve(null);
    void relayReady
      .catch((error) => {
        log.error("proxy cannot listen for agents; it reports in without relaying", { proxyId, error: error.message });
        return null;
      })
      .then((started) =>
        runProxyLoop({
          ...options.proxyOptions,
          client,
          proxyId,
          version: options.runningVersion ?? version,
          log,
          signal: controller.signal,
          random,
          relay: started?.relay ?? null,
          sayStopping: options.sayStopping ? (report) => options.sayStopping(proxyId, report) : null,
          onVersion: (v) => {
            entry.version = v;
            persist();
          },
        }).finally(() => started?.close()),
      )
      .then(
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

  for (const p of options.proxies ?? []) startProxy(p.proxyId, p.version, p.listen ?? null);

  while (!signal?.aborted) {
    try {
      const answer = await client.heartbeat({ agentVersion, viaProxyId: null });
      options.onHeartbeat?.(answer);
      // Only the real daemon follows routes (followRoute): the simulator's and tests' stand-ins
      // model where they report themselves, and must never dial a customer's contact address.
      if (options.followRoute && answer.route && !sameRoute(answer.route, route)) {
        const endpoints = await applyRoute(client, answer.route, {
          override: options.endpointsOverride ?? null,
          tls: options.tlsFor?.(answer.route) ?? null,
        }).catch((error) => {
          log.warn("cannot resolve the new route's endpoints; keeping the current one", { error: error.message });
          return null;
        });
        if (endpoints) {
          log.info("route changed by the console", { from: route, to: answer.route, endpoints });
          route = answer.route;
          options.onRouteChange?.(route);
          continue; // report through the new route at once
        }
      }
      // A proxy that serves TLS says so (issue 17): an agent holding the console CA moves to it.
      if (options.followRoute && answer.tls && route?.mode === "proxy" && (await options.onTls?.(answer.tls, route))) continue;
      // A rebalance (issue 16) names the proxy of the cluster to report through; the pool and its
      // failover stay as they are. Each request is followed once.
      const prefer = options.followRoute && answer.route?.mode === "proxy" ? answer.route.prefer : null;
      const request = prefer?.proxyId ? `${prefer.proxyId}@${prefer.requestedAt ?? ""}` : null;
      if (request && request !== preferred) {
        preferred = request;
        const url = client.preferEndpoint(prefer.endpoints ?? []);
        if (url) {
          log.info("moving to another proxy of the cluster (rebalance)", { proxyId: prefer.proxyId, endpoint: url });
          continue; // report through it at once, so it vouches for this agent
        }
        log.warn("the console asked to move to a proxy this agent has no endpoint for; staying", {
          proxyId: prefer.proxyId,
          endpoints: prefer.endpoints,
        });
      }
      if (!options.intervalSeconds && answer.heartbeatIntervalSeconds > 0) interval = answer.heartbeatIntervalSeconds;
      for (const task of answer.tasks ?? []) {
        if (task.type !== "deploy-proxy") continue;
        const { proxyId, version, listen } = task.payload ?? {};
        if (typeof proxyId === "string" && !running.has(proxyId)) {
          log.info("deploy-proxy task received", {
            taskId: task.id,
            proxyId,
            version,
            contactAddress: task.payload.contactAddress,
          });
          startProxy(proxyId, version, typeof listen === "string" ? listen : null);
        }
      }
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      if (error.kind === "aborted") break;
      // The cluster requires TLS (issue 17): switch when this agent holds the console CA; else keep
      // trying plain HTTP each interval (the setting may be turned off) instead of exiting.
      if (error.status === 426 && options.followRoute && route?.mode === "proxy") {
        const port = Number(error.details?.port);
        if (port > 0 && (await options.onTls?.({ port, required: true }, route))) continue;
        log.error("the cluster requires TLS and this agent cannot use it: run a new install command", {
          error: error.message,
        });
      } else if (error.fatal) {
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
