// Test stand-ins for servers that ran an install command: each registers with the command's
// token and heartbeats through the real agent protocol client and loop (agent/protocol.mjs,
// agent/agent-loop.mjs), so its agent status comes from heartbeats (SPEC §7, R7).
import { AGENT_VERSION, createProtocolClient } from "../agent/protocol.mjs";
import { silentLogger } from "../agent/log.mjs";
import { runAgentLoop } from "../agent/agent-loop.mjs";

export type AgentFleet = {
  hostnames: string[];
  assetIds: string[];
  /** Ends every heartbeat loop, as if the agents were stopped. */
  stop: () => Promise<void>;
};

/** The install token inside `curl -fsSL <console>/api/v1/install/<token>/linux.sh | sudo bash`. */
export function installTokenOf(command: string): string {
  const match = /\/api\/v1\/install\/([^/\s]+)\/linux\.sh/.exec(command);
  if (!match) throw new Error(`not a Linux install command: ${command}`);
  return match[1]!;
}

/** `hostnames.length` agents, registered one by one and heartbeating every second. */
export async function startAgents(options: { baseURL: string; command: string; hostnames: string[] }): Promise<AgentFleet> {
  const abort = new AbortController();
  const loops: Promise<unknown>[] = [];
  const assetIds: string[] = [];
  const token = installTokenOf(options.command);
  const stamp = Date.now() % 250;
  for (const [i, hostname] of options.hostnames.entries()) {
    const client = createProtocolClient({ url: options.baseURL, maxAttempts: 3, timeoutMs: 10_000 });
    const answer = await client.register(token, {
      hostname,
      os: "linux",
      osVersion: "Ubuntu 24.04",
      ips: [`10.250.${stamp}.${i + 1}`],
      type: "host",
      cpuCores: 2,
      memoryMb: 4096,
      agentVersion: AGENT_VERSION,
    });
    client.setCredential(answer.credential);
    assetIds.push(answer.assetId);
    loops.push(
      runAgentLoop({ client, agentVersion: AGENT_VERSION, log: silentLogger, signal: abort.signal, intervalSeconds: 1 }),
    );
  }
  return {
    hostnames: options.hostnames,
    assetIds,
    stop: async () => {
      abort.abort();
      await Promise.all(loops);
    },
  };
}
