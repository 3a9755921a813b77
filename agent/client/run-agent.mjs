// The client agent daemon (pac-agent.mjs agent): registers with its install command's token, then
// heartbeats where its route says (its cluster's proxies or the console), sends the data its
// collectors find, and runs the proxies quick-deployed to it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAgentLoop } from "../agent-loop.mjs";
import { writeConfig } from "../config-file.mjs";
import { AGENT_VERSION } from "../protocol.mjs";
import { startRelay } from "../proxy/relay.mjs";
import { EXIT_REFUSED, registerUntilDone, routeOf, stoppingSender } from "../registration.mjs";
import { createLoginCollector, createNetworkCollector, createProcessCollector } from "./collectors.mjs";
import { createDataSender } from "./data-sender.mjs";
import { EndpointPool, resolveEndpoints } from "./endpoints.mjs";
import { createTlsFetch } from "../tls-fetch.mjs";
import { applyRoute, tlsFor } from "./route.mjs";

/** The console CA install.sh wrote beside the config (issue 17), or null: this agent cannot use TLS. */
function pinnedCa(configPath, config) {
  const file = config.caFile ?? path.join(path.dirname(path.resolve(configPath)), "ca.pem");
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}
import { runningVersion } from "../release/layout.mjs";

export async function runAgent(configPath, config, facts, log, client, signal, upgrader = null) {
  const override = process.env.AEGIS_PROXY_ENDPOINTS || null;
  const ca = pinnedCa(configPath, config);
  // An install through a cluster that requires TLS registers over https, the CA pinned and the
  // name checked against the contact address the install script wrote (config.tls.address).
  const https = ca && config.tls?.port ? { port: config.tls.port } : null;
  if (ca) client.setTlsFetch(createTlsFetch({ ca, servername: config.tls?.address ?? null }));
  // Sites without DNS for the contact address register through the listed endpoints as well.
  if (override)
    client.setEndpoints(
      new EndpointPool(
        await resolveEndpoints({ address: "", port: https?.port ?? 0, override, scheme: https ? "https" : "http" }),
      ),
    );
  if (!config.credential) {
    if (!config.installToken) throw new Error(`${configPath} has neither a credential nor an installToken`);
    const reg = await registerUntilDone(() => client.register(config.installToken, facts), log, signal);
    Object.assign(config, { credential: reg.credential, assetId: reg.assetId, clusterId: reg.clusterId });
    Object.assign(config, { contactAddress: reg.contactAddress, registeredAt: new Date().toISOString() });
    if (reg.route) config.route = reg.route;
    if (config.tls && reg.route?.mode === "proxy") config.tls.clusterId = reg.route.clusterId;
    delete config.installToken; // one secret on disk is enough
    writeConfig(configPath, config);
    client.setCredential(reg.credential);
    log.info("registered", { assetId: reg.assetId, clusterId: reg.clusterId, route: config.route });
  }
  const tlsOf = (route) => tlsFor(route, config.tls, ca);
  const endpoints = await applyRoute(client, routeOf(config), { override, tls: tlsOf(routeOf(config)) });
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
    tlsFor: tlsOf,
    // A proxy serves TLS, or the cluster requires it (issue 17): with the CA, use only https from now on.
    onTls: async (tls, route) => {
      if (!ca) return false;
      const known = tlsOf(route);
      if (known && known.port === tls.port) return false;
      config.tls = { clusterId: route.clusterId, address: route.address, port: tls.port, required: tls.required === true };
      writeConfig(configPath, config);
      const urls = await applyRoute(client, route, { override, tls: tlsOf(route), keepHost: true });
      log.info("reporting to the cluster's proxies over TLS", { endpoints: urls, required: config.tls.required });
      return true;
    },
    // A quick-deployed proxy is this program: it reports the version of this program's release.
    proxies: (config.quickProxies ?? []).map((p) => ({ ...p, version: runningVersion() ?? p.version })),
    proxyOptions: { upgrader },
    runningVersion: runningVersion(),
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
