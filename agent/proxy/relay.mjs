// Starts a proxy's data path (SPEC §8): the listener for agents, the table of agents it vouches
// for, and the policy-bound data pipe with its drain loop upstream. Used by a manually deployed
// proxy (pac-agent.mjs proxy) and by a quick-deployed one inside the client agent.
//   AEGIS_PROXY_LISTEN            host:port list to listen on (default 0.0.0.0:8080)
//   AEGIS_PROXY_CACHE_MAX_BYTES   lowers the cache cap of the policy (tests, small disks)
//   AEGIS_PROXY_QUEUE_MAX_BYTES   the disk queue's bound (default 256 MiB)
//   AEGIS_PROXY_METRICS_LISTEN    host:port list serving GET /metrics (Prometheus text; off when unset)
//   AEGIS_CONSOLE_CA              a CA file (PEM) the console's https certificate is checked against
//   AEGIS_PROXY_TLS_LISTEN        host:port list for agents over TLS (default: the hosts above at the
//                                 cluster's TLS port, 443 unless the console says otherwise; "off": none)
import path from "node:path";
import { backoffDelayMs } from "../protocol.mjs";
import { ClientTable } from "./client-table.mjs";
import { DataPipe } from "./data-pipe.mjs";
import { createRelayListener, parseListen } from "./listener.mjs";
import { proxyFamilies, startMetricsServer } from "./metrics.mjs";
import { consoleFetchFromEnv } from "../tls-fetch.mjs";
import { createTlsListener } from "./tls-listener.mjs";

export const DEFAULT_LISTEN = "0.0.0.0:8080";

const positive = (value) => (value && Number(value) > 0 ? Number(value) : null);

/**
 * @param {{ proxyId: string, clusterId?: string | null, client: import("../protocol.mjs").ProtocolClient,
 *           upstream: () => string, stateDir: string, log: object, signal: AbortSignal,
 *           listen?: string, tlsListen?: string, metricsListen?: string, version?: () => string, env?: NodeJS.ProcessEnv }} o
 */
export async function startRelay(o) {
  const env = o.env ?? process.env;
  const clients = new ClientTable({ clusterId: o.clusterId ?? null });
  const data = new DataPipe({
    stateDir: path.join(o.stateDir, `relay-${o.proxyId}`),
    queueMaxBytes: positive(env.AEGIS_PROXY_QUEUE_MAX_BYTES) ?? undefined,
    cacheMaxBytes: positive(env.AEGIS_PROXY_CACHE_MAX_BYTES),
  });
  const listen = parseListen(o.listen || env.AEGIS_PROXY_LISTEN || DEFAULT_LISTEN);
  let tls = null;
  const listener = createRelayListener({
    listen,
    upstream: o.upstream,
    relayHeaders: () => ({ "x-aegis-relay-proxy": o.proxyId, "x-aegis-relay-authorization": `Bearer ${o.client.credential}` }),
    clients,
    data,
    intervalSeconds: () => clients.intervalSeconds,
    log: o.log,
    // The hop to the console is https where its URL is (AEGIS_CONSOLE_CA for a private CA).
    ...(consoleFetchFromEnv(env) ? { fetch: consoleFetchFromEnv(env) } : {}),
    tls: () => tls?.status() ?? null,
  });
  const listening = await listener.start();
  o.log.info("proxy listening for agents", { proxyId: o.proxyId, listen: listening });
  tls = createTlsListener({
    dir: path.join(o.stateDir, `relay-${o.proxyId}`, "tls"),
    handler: listener.handler,
    plain: listen,
    override: o.tlsListen ?? env.AEGIS_PROXY_TLS_LISTEN ?? null,
    log: o.log,
  });
  await tls.restore();
  const metrics = await serveMetrics(o, env, {
    proxyId: o.proxyId,
    version: o.version,
    clients,
    data,
    counters: listener.counters,
  });
  // Stopped by close() (the loop ended: a stop task, a deleted proxy) or by the daemon's signal.
  const stop = new AbortController();
  o.signal?.addEventListener("abort", () => stop.abort(), { once: true });
  const draining = data.drain((records, stream) => o.client.proxyData(o.proxyId, records, stream), {
    signal: stop.signal,
    retryMs: (n) => backoffDelayMs(n, { baseMs: 1000, capMs: 60_000 }),
  });
  return {
    relay: { clients, data, listen: listening, tls },
    async close() {
      stop.abort();
      await tls.close();
      await listener.close();
      await metrics?.close();
      await draining;
      data.close();
    },
  };
}

/** The metrics port, when one is set. A port that cannot be used is logged, not fatal: agents come first. */
async function serveMetrics(o, env, parts) {
  const listen = o.metricsListen || env.AEGIS_PROXY_METRICS_LISTEN;
  if (!listen) return null;
  try {
    const server = await startMetricsServer({ listen, collect: () => proxyFamilies(parts) });
    o.log.info("proxy metrics served", { listen: server.addresses });
    return server;
  } catch (error) {
    o.log.error(`${error.message}: metrics are off; set AEGIS_PROXY_METRICS_LISTEN to a free host:port`);
    return null;
  }
}
