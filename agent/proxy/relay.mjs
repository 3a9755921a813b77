// Starts a proxy's data path (SPEC §8): the listener for agents, the table of agents it vouches
// for, and the policy-bound data pipe with its drain loop upstream. Used by a manually deployed
// proxy (pac-agent.mjs proxy) and by a quick-deployed one inside the client agent.
//   AEGIS_PROXY_LISTEN            host:port list to listen on (default 0.0.0.0:8080)
//   AEGIS_PROXY_CACHE_MAX_BYTES   lowers the cache cap of the policy (tests, small disks)
//   AEGIS_PROXY_QUEUE_MAX_BYTES   the disk queue's bound (default 256 MiB)
import path from "node:path";
import { backoffDelayMs } from "../protocol.mjs";
import { ClientTable } from "./client-table.mjs";
import { DataPipe } from "./data-pipe.mjs";
import { createRelayListener, parseListen } from "./listener.mjs";

export const DEFAULT_LISTEN = "0.0.0.0:8080";

const positive = (value) => (value && Number(value) > 0 ? Number(value) : null);

/**
 * @param {{ proxyId: string, clusterId?: string | null, client: import("../protocol.mjs").ProtocolClient,
 *           upstream: () => string, stateDir: string, log: object, signal: AbortSignal,
 *           listen?: string, env?: NodeJS.ProcessEnv }} o
 */
export async function startRelay(o) {
  const env = o.env ?? process.env;
  const clients = new ClientTable({ clusterId: o.clusterId ?? null });
  const data = new DataPipe({
    stateDir: path.join(o.stateDir, `relay-${o.proxyId}`),
    queueMaxBytes: positive(env.AEGIS_PROXY_QUEUE_MAX_BYTES) ?? undefined,
    cacheMaxBytes: positive(env.AEGIS_PROXY_CACHE_MAX_BYTES),
  });
  const listener = createRelayListener({
    listen: parseListen(o.listen || env.AEGIS_PROXY_LISTEN || DEFAULT_LISTEN),
    upstream: o.upstream,
    relayHeaders: () => ({ "x-aegis-relay-proxy": o.proxyId, "x-aegis-relay-authorization": `Bearer ${o.client.credential}` }),
    clients,
    data,
    intervalSeconds: () => clients.intervalSeconds,
    log: o.log,
  });
  const listening = await listener.start();
  o.log.info("proxy listening for agents", { proxyId: o.proxyId, listen: listening });
  // Stopped by close() (the loop ended: a stop task, a deleted proxy) or by the daemon's signal.
  const stop = new AbortController();
  o.signal?.addEventListener("abort", () => stop.abort(), { once: true });
  const draining = data.drain((records) => o.client.proxyData(o.proxyId, records), {
    signal: stop.signal,
    retryMs: (n) => backoffDelayMs(n, { baseMs: 1000, capMs: 60_000 }),
  });
  return {
    relay: { clients, data, listen: listening },
    async close() {
      stop.abort();
      await listener.close();
      await draining;
      data.close();
    },
  };
}
