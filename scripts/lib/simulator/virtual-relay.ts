// A virtual proxy's relay: the real ClientTable and DataPipe of agent/proxy/, with the agents it
// serves carried in memory instead of over sockets. Each virtual agent heartbeats the table once an
// interval (spread over it) and hands over synthetic records at a set rate; the proxy loop reports
// their joins and leaves, and the pipe drains their data upstream within the cluster's policy,
// exactly as a real proxy would. So the console's load, and the demo's charts, come from the same code.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ClientTable } from "../../../agent/proxy/client-table.mjs";
import { DataPipe } from "../../../agent/proxy/data-pipe.mjs";
import { AGENT_VERSION, backoffDelayMs, sleep, type ProtocolClient } from "../../../agent/protocol.mjs";

export type VirtualAgent = { assetId: string; credential: string };

const TYPES = ["process_logs", "network_logs", "login_logs"] as const;

function syntheticRecord(n: number) {
  const type = TYPES[n % TYPES.length]!;
  const at = new Date().toISOString();
  if (type === "process_logs") return { type, at, data: { pid: 1000 + (n % 30000), comm: "sshd", cmdline: "/usr/sbin/sshd -D" } };
  if (type === "network_logs")
    return { type, at, data: { local: "10.0.0.5:22", remote: `10.1.${n % 250}.${n % 200}:51234`, family: 4 } };
  return { type, at, data: { user: "ops", line: "pts/0", host: "10.1.0.9" } };
}

export async function startVirtualRelay(o: {
  proxyId: string;
  clusterId: string | null;
  client: ProtocolClient;
  /** The agents it serves; a Set is shared, so the caller can add and remove agents (churn). */
  agents: VirtualAgent[] | Set<VirtualAgent>;
  intervalSeconds: number;
  /** Synthetic records per agent and minute (0 = none). */
  recordsPerMinute: number;
  signal: AbortSignal;
}) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "pac-virtual-proxy-"));
  const clients = new ClientTable({ clusterId: o.clusterId });
  const data = new DataPipe({ stateDir, queueMaxBytes: 64 * 1024 * 1024 });
  const live = o.agents instanceof Set ? o.agents : new Set(o.agents);
  const counts = { beats: 0 };
  let n = 0;

  async function beatLoop() {
    const tickMs = 1000;
    // Each agent beats once an interval, in its slot: a snapshot of the agents, taken once an
    // interval, is walked a slice per tick (agents added meanwhile beat from the next interval).
    let snapshot: VirtualAgent[] = [];
    for (let tick = 0; !o.signal.aborted; tick++) {
      const slots = Math.max(1, Math.round(((clients.intervalSeconds || o.intervalSeconds) * 1000) / tickMs));
      if (tick % slots === 0) snapshot = [...live];
      const per = Math.ceil(snapshot.length / slots);
      const slice = snapshot.slice((tick % slots) * per, (tick % slots) * per + per);
      const recordsPerBeat = (o.recordsPerMinute * slots * tickMs) / 60_000;
      for (const agent of slice) {
        if (!live.has(agent)) continue;
        const answer = clients.beat(agent.credential, AGENT_VERSION);
        counts.beats++;
        if (answer.status === 401) live.delete(agent);
        const count = Math.floor(recordsPerBeat) + (Math.random() < recordsPerBeat % 1 ? 1 : 0);
        if (count > 0 && answer.assetId)
          data.accept(
            answer.assetId,
            Array.from({ length: count }, () => syntheticRecord(n++)),
          );
      }
      if (await sleep(tickMs, o.signal)) return;
    }
  }

  const beating = beatLoop();
  const draining = data.drain((records, stream) => o.client.proxyData(o.proxyId, records, stream), {
    signal: o.signal,
    retryMs: (k) => backoffDelayMs(k, { baseMs: 1000, capMs: 60_000 }),
  });
  return {
    relay: { clients, data, listen: [] as string[] },
    /** Agent heartbeats the proxy answered. */
    counts,
    async close() {
      await Promise.all([beating, draining]);
      data.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
