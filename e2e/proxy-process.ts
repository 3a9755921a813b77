// A test stand-in for the proxy daemon a manual deploy command starts: it registers with the
// command's deploy token and heartbeats through the real agent protocol client and daemon loop
// (agent/protocol.mjs, agent/proxy-loop.mjs), so statuses come from heartbeats (SPEC §7). With
// `listen` it also runs the real relay (agent/proxy/relay.mjs): agents reach the console through it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AGENT_VERSION, createProtocolClient } from "../agent/protocol.mjs";
import { silentLogger } from "../agent/log.mjs";
import { runProxyLoop, type ProxyLoopResult } from "../agent/proxy-loop.mjs";
import { startRelay } from "../agent/proxy/relay.mjs";

export type ProxyProcess = {
  proxyId: string;
  hostname: string;
  /** The current version: the loop reports a new one after an upgrade task. */
  version: () => string;
  /** Resolves when the loop ends: "stopped" after the console's stop request. */
  exited: Promise<ProxyLoopResult>;
  /** Ends the heartbeats as if the process were killed. */
  kill: () => Promise<ProxyLoopResult>;
  /** Starts the daemon loop again with the same credential (a restart after kill); not with `listen`. */
  restart: () => { kill: () => Promise<ProxyLoopResult> };
};

/** The deploy token inside `curl -fsSL <console>/api/v1/deploy/<token>/proxy.sh | sudo bash`. */
export function deployTokenOf(command: string): string {
  const match = /\/api\/v1\/deploy\/([^/\s]+)\/proxy\.sh/.exec(command);
  if (!match) throw new Error(`not a manual deploy command: ${command}`);
  return match[1]!;
}

let sequence = 0;

export async function startProxyProcess(options: {
  baseURL: string;
  command: string;
  version: string;
  label: string;
  /** host:port to listen on for agents, as AEGIS_PROXY_LISTEN; without it the stand-in relays nothing. */
  listen?: string;
  /** How it says it runs, as install.sh writes it into the config (issue 13). */
  service?: { manager: "systemd"; unit: string } | { manager: "pidfile"; pidFile: string };
}): Promise<ProxyProcess> {
  const n = (Date.now() % 60_000) + sequence++;
  const hostname = `e2e-proxy-${options.label}-${Date.now().toString(36)}${n.toString(36)}`;
  const client = createProtocolClient({ url: options.baseURL, maxAttempts: 2, timeoutMs: 5_000 });
  const answer = await client.registerProxy(
    deployTokenOf(options.command),
    {
      hostname,
      os: "linux",
      osVersion: "Ubuntu 24.04",
      ips: [`10.${200 + (n % 50)}.${(n >> 8) % 256}.${n % 250}`],
      type: "host",
      cpuCores: 8,
      memoryMb: 16_384,
      agentVersion: AGENT_VERSION,
      ...(options.service ? { service: options.service } : {}),
    },
    options.version,
  );
  client.setCredential(answer.credential);
  let version = options.version;
  const abort = new AbortController();
  const stateDir = mkdtempSync(path.join(tmpdir(), "pac-e2e-proxy-"));
  const started = options.listen
    ? await startRelay({
        proxyId: answer.proxyId,
        clusterId: answer.clusterId,
        client,
        upstream: () => options.baseURL,
        stateDir,
        listen: options.listen,
        log: silentLogger,
        signal: abort.signal,
      })
    : null;
  const runLoop = (signal: AbortSignal) =>
    runProxyLoop({
      relay: started?.relay ?? null,
      client,
      proxyId: answer.proxyId,
      version,
      log: silentLogger,
      signal,
      intervalSeconds: 1,
      upgradeDelayMs: 3_000,
      stats: () => ({ connectedClients: 42, bytesRelayed: 0, cacheBytes: 0 }),
      onVersion: (next) => (version = next),
      // Its last heartbeat says it stops, as the daemon's does.
      sayStopping: (report) => client.proxyHeartbeat(answer.proxyId, report),
    });
  const exited = runLoop(abort.signal).finally(async () => {
    await started?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });
  return {
    proxyId: answer.proxyId,
    hostname,
    version: () => version,
    exited,
    kill: () => {
      abort.abort();
      return exited;
    },
    restart: () => {
      if (options.listen) throw new Error("restart() is for proxies without a relay");
      const again = new AbortController();
      const running = runLoop(again.signal);
      return {
        kill: () => {
          again.abort();
          return running;
        },
      };
    },
  };
}
