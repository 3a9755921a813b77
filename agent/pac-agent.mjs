#!/usr/bin/env node
// pac-agent — the client agent and the proxy daemon of the Proxy Access Console (SPEC §6, §7).
//   node pac-agent.mjs agent --config /opt/aegis-agent/config.json   client agent (install command)
//   node pac-agent.mjs proxy --config /opt/aegis-proxy/config.json   proxy (manual deploy command)
//   node pac-agent.mjs facts [overrides]                              print what would be reported
// Overrides: --hostname H --ip IP (repeatable) --os-version V --cpu-cores N --memory-mb N
// --machine-id ID, or the same keys under "facts" in the config. Logs are JSON lines on stdout.
// Exit codes: 0 stopped (signal, stop task, proxy deleted), 1 unexpected error, 2 usage,
// 78 the console refused the token or credential (systemd does not restart on 78).
import { parseArgs } from "node:util";
import { runAgentLoop } from "./agent-loop.mjs";
import { readConfig, writeConfig } from "./config-file.mjs";
import { collectFacts } from "./facts.mjs";
import { createLogger } from "./log.mjs";
import { AGENT_VERSION, DEFAULT_PROXY_VERSION, ProtocolError, backoffDelayMs, createProtocolClient, sleep } from "./protocol.mjs";
import { runProxyLoop } from "./proxy-loop.mjs";
import { createLoginCollector, createNetworkCollector, createProcessCollector } from "./client/collectors.mjs";
import { createDataSender } from "./client/data-sender.mjs";
import { applyRoute } from "./client/route.mjs";
import { EndpointPool, resolveEndpoints } from "./client/endpoints.mjs";
import { startRelay } from "./proxy/relay.mjs";
import path from "node:path";

const EXIT_REFUSED = 78;
const USAGE = "usage: node pac-agent.mjs agent|proxy --config FILE [--hostname H] [--ip IP]... | facts | version";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: "string" },
    hostname: { type: "string" },
    ip: { type: "string", multiple: true },
    "os-version": { type: "string" },
    "cpu-cores": { type: "string" },
    "memory-mb": { type: "string" },
    "machine-id": { type: "string" },
  },
});

function overridesFrom(config) {
  const o = { ...(config?.facts ?? {}) };
  if (values.hostname) o.hostname = values.hostname;
  if (values.ip?.length) o.ips = values.ip;
  if (values["os-version"]) o.osVersion = values["os-version"];
  if (values["cpu-cores"]) o.cpuCores = Number(values["cpu-cores"]);
  if (values["memory-mb"]) o.memoryMb = Number(values["memory-mb"]);
  if (values["machine-id"]) o.machineId = values["machine-id"];
  return o;
}

/**
 * Registers with a one-time token. Retries while the console is unreachable, and slowly while
 * it refuses for a reason that can pass (409/422: e.g. no proxy capacity yet, R13); a bad,
 * used or expired token (400/401/404/410) ends the daemon.
 */
async function registerUntilDone(attempt, log, signal) {
  for (let n = 0; ; n++) {
    let waitMs = backoffDelayMs(n, { baseMs: 5000, capMs: 300_000 });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ProtocolError) || error.kind === "aborted") throw error;
      if (error.status === 409 || error.status === 422) {
        waitMs = backoffDelayMs(n, { baseMs: 30_000, capMs: 300_000 });
        log.warn("the console cannot accept this server yet; retrying", { error: error.message, retryInMs: waitMs });
      } else if (error.fatal) {
        const hint = error.status === 401 || error.status === 410 ? "; copy a new command from the console" : "";
        log.error(`registration refused by the console${hint}`, { error: error.message });
        process.exit(EXIT_REFUSED);
      } else {
        log.warn("registration failed; retrying", { error: error.message, retryInMs: waitMs });
      }
      if (await sleep(waitMs, signal)) throw new ProtocolError("aborted", "stopped");
    }
  }
}

/** The config's route; an older config (or a direct install) reports to its consoleUrl. */
function routeOf(config) {
  return config.route ?? { mode: "direct", consoleUrl: config.consoleUrl };
}

/** A client for the last heartbeat of a stopping proxy: the daemon's own client is already aborted. */
function stoppingSender(config, credential) {
  const last = createProtocolClient({ url: config.consoleUrl, credential, maxAttempts: 1, timeoutMs: 3000 });
  return (proxyId, report) => last.proxyHeartbeat(proxyId, report);
}

async function runAgent(configPath, config, facts, log, client, signal) {
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
  const dataLoop = data.run({ intervalMs: Number(process.env.AEGIS_DATA_INTERVAL_SECONDS ?? 10) * 1000, signal });
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
    makeRelay: (proxyId, proxySignal) =>
      startRelay({
        proxyId,
        client,
        upstream: () => client.url,
        stateDir: path.dirname(path.resolve(configPath)),
        log,
        signal: proxySignal,
      }),
    sayStopping: stoppingSender(config, config.credential),
  });
  await dataLoop;
  return result.reason === "aborted" ? 0 : EXIT_REFUSED;
}

async function runProxy(configPath, config, facts, log, client, signal) {
  if (config.removed) {
    log.warn("this proxy was deleted from the console; not starting. Run a new deploy command to deploy again.", {
      removed: config.removed,
    });
    return 0;
  }
  if (!config.credential) {
    if (!config.deployToken) throw new Error(`${configPath} has neither a credential nor a deployToken`);
    const version = config.proxyVersion ?? DEFAULT_PROXY_VERSION;
    const reg = await registerUntilDone(() => client.registerProxy(config.deployToken, facts, version), log, signal);
    Object.assign(config, { credential: reg.credential, proxyId: reg.proxyId, clusterId: reg.clusterId, proxyVersion: version });
    Object.assign(config, { contactAddress: reg.contactAddress, registeredAt: new Date().toISOString() });
    delete config.deployToken;
    writeConfig(configPath, config);
    client.setCredential(reg.credential);
    log.info("proxy registered", { proxyId: reg.proxyId, clusterId: reg.clusterId, contactAddress: reg.contactAddress });
  }
  log.info("proxy running", { proxyId: config.proxyId, version: config.proxyVersion });
  let started;
  try {
    started = await startRelay({
      proxyId: config.proxyId,
      clusterId: config.clusterId,
      client,
      upstream: () => config.consoleUrl,
      stateDir: path.dirname(path.resolve(configPath)),
      log,
      signal,
    });
  } catch (error) {
    log.error(`${error.message}: set AEGIS_PROXY_LISTEN to a free host:port and start again`);
    return 1;
  }
  const result = await runProxyLoop({
    client,
    proxyId: config.proxyId,
    version: config.proxyVersion,
    log,
    signal,
    relay: started.relay,
    sayStopping: (report) => stoppingSender(config, config.credential)(config.proxyId, report),
    onVersion: (version) => writeConfig(configPath, Object.assign(config, { proxyVersion: version })),
  });
  await started.close();
  if (result.reason === "gone") writeConfig(configPath, Object.assign(config, { removed: { at: new Date().toISOString() } }));
  return result.reason === "unauthorized" || result.reason === "rejected" ? EXIT_REFUSED : 0;
}

async function main() {
  const [mode] = positionals;
  if (mode === "version") return void console.log(AGENT_VERSION);
  if (mode === "facts") return void console.log(JSON.stringify(collectFacts(overridesFrom(null)), null, 2));
  if ((mode !== "agent" && mode !== "proxy") || !values.config) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig(values.config);
  // Settings the install script kept from its environment (AEGIS_PROXY_LISTEN, AEGIS_PROXY_ENDPOINTS,
  // ...), since systemd does not pass the installer's environment on; the process's own win.
  for (const [key, value] of Object.entries(config.env ?? {})) if (key.startsWith("AEGIS_")) process.env[key] ??= String(value);
  const facts = collectFacts(overridesFrom(config));
  const log = createLogger({ role: mode, host: facts.hostname });
  if (!config.consoleUrl) throw new Error(`${values.config} has no consoleUrl`);

  const controller = new AbortController();
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.once(sig, () => {
      log.info("signal received: stopping", { signal: sig });
      controller.abort();
    });
  }
  const client = createProtocolClient({
    url: config.consoleUrl,
    credential: config.credential ?? null,
    signal: controller.signal,
    log,
    maxAttempts: 4,
  });
  const run = mode === "agent" ? runAgent : runProxy;
  try {
    const code = await run(values.config, config, facts, log, client, controller.signal);
    log.info("exiting", { code });
    process.exit(code);
  } catch (error) {
    if (error instanceof ProtocolError && error.kind === "aborted") process.exit(0);
    throw error;
  }
}

main().catch((error) => {
  createLogger().error("fatal error", { error: error?.stack ?? String(error) });
  process.exit(1);
});
