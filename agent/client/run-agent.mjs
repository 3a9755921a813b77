// The client agent daemon (pac-agent.mjs agent): registers with its install command's token, then
// heartbeats where its route says (its cluster's proxies or the console), sends the data its
// collectors find, and runs the proxies quick-deployed to it.
import path from "node:path";
import { runAgentLoop } from "../agent-loop.mjs";
import { writeConfig } from "../config-file.mjs";
import { AGENT_VERSION } from "../protocol.mjs";
import { startRelay } from "../proxy/relay.mjs";
import { EXIT_REFUSED, registerUntilDone, routeOf, stoppingSender } from "../registration.mjs";
import { createLoginCollector, createNetworkCollector, createProcessCollector } from "./collectors.mjs";
import { createDataSender } from "./data-sender.mjs";
import { EndpointPool, resolveEndpoints } from "./endpoints.mjs";
import { applyRoute } from "./route.mjs";

export async function runAgent(configPath, config, facts, log, client, signal) {
  const override = process.env.AEGIS_PROXY_ENDPOINTS || null;
  // Sites without DNS for the contact address register through the listed endpoints as well.
  if (override) client.setEndpoints(new EndpointPool(await resolveEndpoints({ address: "", port: 0, override })));
  if (!config.credential) {
    if (!config.installToken) throw new Error(`${configPath} has neither a credential nor an installToken`);
    const reg = await registerUntilDone(() => client.register(config.installToken, facts), log, signal);
    Object.assign(config, { credential: reg.credential, assetId: reg.assetId, clusterId: reg.clusterId });
    Object.assign(config, { contactAddress: reg.contactAddress, registeredAt: new Date().toISOString() });
    if (reg.route) config.route = reg.route;
    delete config.installToken; // one secret on disk is enough
    writeConfig(configPath, config);
    client.setCredential(reg.credential);
    log.info("registered", { assetId: reg.assetId, clusterId: reg.clusterId, route: config.route });
  }
  const endpoints = await applyRoute(client, routeOf(config), { override });
  log.info("agent running", { assetId: config.assetId, version: AGENT_VERSION, endpoints });
  const data = createDataSender({
    client,
    collectors:
      process.env.AEGIS_DATA === "0" ? [] : [createProcessCollector(), createNetworkCollector(), createLoginCollector()],
    log,
  });
  // Ends with the daemon, or with the heartbeat loop (a refused credential must still exit 78).
  const dataStop = new AbortController();
  signal.addEventListener("abort", () => dataStop.abort(), { once: true });
  const dataLoop = data.run({
    intervalMs: Number(process.env.AEGIS_DATA_INTERVAL_SECONDS ?? 30) * 1000,
    signal: dataStop.signal,
  });
  const result = await runAgentLoop({
    client,
    agentVersion: AGENT_VERSION,
    log,
    signal,
    followRoute: true,
    route: routeOf(config),
    endpointsOverride: override,
    onRouteChange: (route) => writeConfig(configPath, Object.assign(config, { route })),
    proxies: config.quickProxies ?? [],
    onProxiesChange: (proxies) => writeConfig(configPath, Object.assign(config, { quickProxies: proxies })),
    makeRelay: (proxyId, proxySignal, listen) =>
      startRelay({
        proxyId,
        // The operator's AEGIS_PROXY_LISTEN on this server wins over the console's default port.
        listen: process.env.AEGIS_PROXY_LISTEN || listen || undefined,
        client,
        upstream: () => client.url,
        stateDir: path.dirname(path.resolve(configPath)),
        log,
        signal: proxySignal,
      }),
    sayStopping: stoppingSender(config, config.credential),
  });
  dataStop.abort();
  await dataLoop;
  return result.reason === "aborted" ? 0 : EXIT_REFUSED;
}
