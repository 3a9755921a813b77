#!/usr/bin/env node
// pac-agent — the client agent and the proxy daemon of the Proxy Access Console (SPEC §6, §7).
//   node pac-agent.mjs agent --config /opt/aegis-agent/config.json   client agent (install command)
//   node pac-agent.mjs proxy --config /opt/aegis-proxy/config.json   proxy (manual deploy command)
//   node pac-agent.mjs facts [overrides]                              print what would be reported
// Overrides: --hostname H --ip IP (repeatable) --os-version V --cpu-cores N --memory-mb N
// --machine-id ID, or the same keys under "facts" in the config. Logs are JSON lines on stdout.
// Exit codes: 0 stopped (signal, stop task, proxy deleted), 1 unexpected error, 2 usage,
// 75 a new release is staged (launcher.mjs switches to it), 78 the console refused the token or
// credential (systemd does not restart on 78).
// Under launcher.mjs (AEGIS_LAUNCHER=1) the first successful heartbeat is announced to the
// launcher over IPC: a new release on trial is healthy then (issue 17).
import path from "node:path";
import { parseArgs } from "node:util";
import { runAgent } from "./client/run-agent.mjs";
import { readConfig } from "./config-file.mjs";
import { collectFacts } from "./facts.mjs";
import { createLogger } from "./log.mjs";
import { DEFAULT_PROXY_VERSION, ProtocolError, createProtocolClient, sleep } from "./protocol.mjs";
import { runProxy } from "./proxy/run-proxy.mjs";
import { consoleFetchFromEnv } from "./tls-fetch.mjs";
import { EXIT_UPGRADE, runningVersion } from "./release/layout.mjs";
import { createUpgrader } from "./release/upgrader.mjs";
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

async function main() {
  const [mode] = positionals;
  if (mode === "version") return void console.log(runningVersion() ?? DEFAULT_PROXY_VERSION);
  if (mode === "facts") return void console.log(JSON.stringify(collectFacts(overridesFrom(null)), null, 2));
  if ((mode !== "agent" && mode !== "proxy") || !values.config) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig(values.config);
  // Settings the install script kept from its environment (AEGIS_PROXY_LISTEN, AEGIS_PROXY_ENDPOINTS,
  // ...), since systemd does not pass the installer's environment on; the process's own win.
  for (const [key, value] of Object.entries(config.env ?? {})) if (key.startsWith("AEGIS_")) process.env[key] ??= String(value);
  // How install.sh runs this daemon (systemd unit or pid file), so the console can show the
  // command that stops it.
  const facts = { ...collectFacts(overridesFrom(config)), ...(config.service ? { service: config.service } : {}) };
  const log = createLogger({ role: mode, host: facts.hostname });
  if (!config.consoleUrl) throw new Error(`${values.config} has no consoleUrl`);

  const controller = new AbortController();
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.once(sig, () => {
      log.info("signal received: stopping", { signal: sig });
      controller.abort();
    });
  }
  const launcher = process.env.AEGIS_LAUNCHER === "1" && typeof process.send === "function";
  process.channel?.unref(); // the IPC channel to the launcher must not keep this process alive
  // The launcher is what the pid file and the service manager know: when it is killed outright
  // (kill -9), this daemon goes with it, as one process would.
  if (launcher) process.once("disconnect", () => process.exit(1));
  const trial = launcher && process.env.AEGIS_UPGRADE_TRIAL === "1";
  if (trial && process.env.AEGIS_UPGRADE_FAIL_HEALTH === "1") {
    // Demo and test knob: a release on trial that never reports in, so the launcher rolls back.
    log.warn("AEGIS_UPGRADE_FAIL_HEALTH=1: this release on trial stays silent");
    await sleep(24 * 3600_000, controller.signal);
    process.exit(0);
  }
  let healthy = false;
  const client = createProtocolClient({
    url: config.consoleUrl,
    credential: config.credential ?? null,
    signal: controller.signal,
    log,
    maxAttempts: 4,
    // A console behind a private CA (AEGIS_CONSOLE_CA); else https uses Node's trusted CAs.
    ...(consoleFetchFromEnv() ? { fetch: consoleFetchFromEnv() } : {}),
    onRequest: (event) => {
      if (healthy || !launcher || event.status !== 200 || !event.path.endsWith("/heartbeat")) return;
      healthy = true;
      process.send({ type: "healthy" });
    },
  });
  let restart = false;
  const upgrader = createUpgrader({
    root: path.dirname(path.resolve(values.config)),
    client,
    log,
    launcher,
    restart: () => {
      restart = true;
      controller.abort();
    },
  });
  const run = mode === "agent" ? runAgent : runProxy;
  try {
    const code = await run(values.config, config, facts, log, client, controller.signal, upgrader);
    if (restart) log.info("exiting to start the new release", { code: EXIT_UPGRADE });
    else log.info("exiting", { code });
    process.exit(restart ? EXIT_UPGRADE : code);
  } catch (error) {
    if (error instanceof ProtocolError && error.kind === "aborted") process.exit(restart ? EXIT_UPGRADE : 0);
    throw error;
  }
}

main().catch((error) => {
  createLogger().error("fatal error", { error: error?.stack ?? String(error) });
  process.exit(1);
});
