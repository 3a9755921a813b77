// The proxy daemon (pac-agent.mjs proxy): registers with its deploy token, listens for agents
// (relay.mjs) and heartbeats the console with what it relays, until stopped or deleted.
import path from "node:path";
import { writeConfig } from "../config-file.mjs";
import { DEFAULT_PROXY_VERSION } from "../protocol.mjs";
import { runProxyLoop } from "../proxy-loop.mjs";
import { EXIT_REFUSED, registerUntilDone, stoppingSender } from "../registration.mjs";
import { runningVersion } from "../release/layout.mjs";
import { startRelay } from "./relay.mjs";

export async function runProxy(configPath, config, facts, log, client, signal, upgrader = null) {
  if (config.removed) {
    log.warn("this proxy was deleted from the console; not starting. Run a new deploy command to deploy again.", {
      removed: config.removed,
    });
    return 0;
  }
  if (!config.credential) {
    if (!config.deployToken) throw new Error(`${configPath} has neither a credential nor a deployToken`);
    const version = runningVersion() ?? config.proxyVersion ?? DEFAULT_PROXY_VERSION;
    const reg = await registerUntilDone(() => client.registerProxy(config.deployToken, facts, version), log, signal);
    Object.assign(config, { credential: reg.credential, proxyId: reg.proxyId, clusterId: reg.clusterId, proxyVersion: version });
    Object.assign(config, { contactAddress: reg.contactAddress, registeredAt: new Date().toISOString() });
    delete config.deployToken;
    writeConfig(configPath, config);
    client.setCredential(reg.credential);
    log.info("proxy registered", { proxyId: reg.proxyId, clusterId: reg.clusterId, contactAddress: reg.contactAddress });
  }
  // The version this program is (its release.json), not what the config last said (issue 17).
  const running = runningVersion();
  if (running && running !== config.proxyVersion) writeConfig(configPath, Object.assign(config, { proxyVersion: running }));
  log.info("proxy running", { proxyId: config.proxyId, version: config.proxyVersion });
  let started;
  try {
    started = await startRelay({
      proxyId: config.proxyId,
      clusterId: config.clusterId,
      client,
      upstream: () => config.consoleUrl,
      stateDir: path.dirname(path.resolve(configPath)),
      version: () => config.proxyVersion,
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
    upgrader,
    sayStopping: (report) => stoppingSender(config, config.credential)(config.proxyId, report),
    onVersion: (version) => writeConfig(configPath, Object.assign(config, { proxyVersion: version })),
  });
  await started.close();
  if (result.reason === "gone") writeConfig(configPath, Object.assign(config, { removed: { at: new Date().toISOString() } }));
  return result.reason === "unauthorized" || result.reason === "rejected" ? EXIT_REFUSED : 0;
}
