// The fault suite's fleet (issue 15): one cluster, real proxy daemons (`node agent/pac-agent.mjs
// proxy`, the manual deploy command's process) that can be killed and started again, and
// virtual agents behind them that heartbeat and send data over real HTTP, counting every record
// the proxies took — the figure the console's rollups must match exactly once drained.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AGENT_VERSION, createProtocolClient, jittered, sleep } from "../../../agent/protocol.mjs";
import { hashToken, newToken } from "../../../lib/crypto/tokens";
import { freePort } from "../../../lib/db/port";
import type { Stage } from "./stage";

export type ProxyDaemon = {
  name: string;
  dir: string;
  port: number;
  url: string;
  env: Record<string, string>;
  child: ChildProcess | null;
  id: string | null;
};

export type Tally = { sent: number; accepted: number; refused: number; failed: number; beats: number; beatsFailed: number };

export class Fleet {
  clusterId = "";
  readonly proxies: ProxyDaemon[] = [];
  /** Per proxy URL: what the agents sent through it. */
  readonly tally = new Map<string, Tally>();
  private readonly stop = new AbortController();
  private readonly agents: Promise<void>[] = [];
  /** Records each agent sends per heartbeat; 0 pauses the data. */
  recordsPerBeat = 2;
  /** Bytes of padding per record (a full disk fills faster). */
  padBytes = 64;

  constructor(
    private readonly stage: Stage,
    private readonly say: (line: string) => void,
  ) {}

  async setUp(proxies: number) {
    const cluster = await this.stage.must<{ id: string }>("POST", "/api/v1/clusters", {
      region: "cn",
      name: "fault-suite",
      // A domain name: an IP cluster holds one proxy (R3); the agents here are told each proxy's URL.
      address: "proxies.faults.test",
      description: "",
    });
    this.clusterId = cluster.id;
    for (let i = 0; i < proxies; i++) await this.addProxy(`fault-proxy-${i + 1}`, i + 1);
    await this.waitFor("the proxies heartbeat", async () => (await this.proxyStatuses()).every((s) => s === "online"), 60);
  }

  async addProxy(name: string, n: number) {
    const { token } = await this.stage.must<{ token: string }>("POST", `/api/v1/clusters/${this.clusterId}/proxies`, {
      mode: "manual",
      expiresInHours: 1,
    });
    const dir = path.join(this.stage.work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "config.json"),
      JSON.stringify({
        consoleUrl: this.stage.front.url,
        deployToken: token,
        proxyVersion: "1.5.0",
        facts: { hostname: name, ips: [`10.99.0.${n}`], cpuCores: 8, memoryMb: 16384 },
      }),
      { mode: 0o600 },
    );
    const port = await freePort();
    const proxy: ProxyDaemon = {
      name,
      dir,
      port,
      url: `http://127.0.0.1:${port}`,
      env: { AEGIS_PROXY_LISTEN: `127.0.0.1:${port}`, AEGIS_PROXY_TLS_LISTEN: "off", AEGIS_DATA: "0" },
      child: null,
      id: null,
    };
    this.proxies.push(proxy);
    this.tally.set(proxy.url, { sent: 0, accepted: 0, refused: 0, failed: 0, beats: 0, beatsFailed: 0 });
    this.startProxy(proxy);
    await this.waitFor(`${name} registers`, async () => {
      const rows = await this.stage.sql<{ id: string }>(
        "SELECT p.id FROM proxy_server p JOIN asset a ON a.id = p.asset_id WHERE a.hostname = $1",
        [name],
      );
      proxy.id = rows[0]?.id ?? null;
      return proxy.id !== null;
    });
    return proxy;
  }

  startProxy(proxy: ProxyDaemon) {
    proxy.child = spawn(process.execPath, ["agent/pac-agent.mjs", "proxy", "--config", path.join(proxy.dir, "config.json")], {
      env: { ...process.env, ...proxy.env },
      // Its JSON log beside the others in the work folder (FAULTS_KEEP=1 keeps them).
      stdio: ["ignore", openSync(path.join(this.stage.work, `${proxy.name}.log`), "a"), "inherit"],
    });
  }

  /** kill -9: no goodbye, no flush. */
  killProxy(proxy: ProxyDaemon) {
    return this.signalProxy(proxy, "SIGKILL");
  }

  /** SIGTERM: the daemon says it is stopping in a last heartbeat, then exits. */
  stopProxy(proxy: ProxyDaemon) {
    return this.signalProxy(proxy, "SIGTERM");
  }

  private async signalProxy(proxy: ProxyDaemon, signal: NodeJS.Signals) {
    const child = proxy.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }

  /** `n` agents connected to the cluster with credentials (inserted: registration is paced by R12). */
  async addAgents(n: number) {
    const credentials = Array.from({ length: n }, () => newToken("pag"));
    await this.stage.sql(
      `WITH a AS (
         INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, cpu_cores, memory_mb, agent_version,
                            agent_credential_hash, updated_at)
         SELECT gen_random_uuid(), 'cn', 'host', 'fault-agent-' || i, 'linux', 'Ubuntu 24.04', 'idc',
                ARRAY['10.98.' || (i / 256) || '.' || (i % 256)], 2, 4096, $3, h, now()
           FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i) RETURNING id)
       INSERT INTO client_connection (asset_id, cluster_id) SELECT id, $1::uuid FROM a`,
      [this.clusterId, credentials.map(hashToken), AGENT_VERSION],
    );
    await this.stage.sql(
      "UPDATE proxy_cluster SET client_count = (SELECT count(*) FROM client_connection WHERE cluster_id = $1) WHERE id = $1",
      [this.clusterId],
    );
    credentials.forEach((credential, i) => this.agents.push(this.runAgent(credential, i)));
  }

  /** One agent: a heartbeat and a few records every interval, to its proxy; the next one when that fails. */
  private async runAgent(credential: string, i: number) {
    let at = i % this.proxies.length;
    const signal = this.stop.signal;
    const client = createProtocolClient({ url: this.proxies[at]!.url, credential, signal, maxAttempts: 1, timeoutMs: 10_000 });
    if (await sleep(Math.random() * 5000, signal)) return;
    while (!signal.aborted) {
      const proxy = this.proxies[at]!;
      client.setUrl(proxy.url);
      const tally = this.tally.get(proxy.url)!;
      let ok = true;
      try {
        await client.heartbeat({ agentVersion: AGENT_VERSION, viaProxyId: null });
        tally.beats++;
        const count = this.recordsPerBeat;
        if (count > 0) {
          const records = Array.from({ length: count }, (_, k) => ({
            type: "process_logs",
            at: new Date().toISOString(),
            data: { pid: k, comm: "sshd", pad: "x".repeat(this.padBytes) },
          }));
          tally.sent += count;
          try {
            const answer = (await client.agentData(records)) as { accepted: number; refused: number };
            tally.accepted += answer.accepted;
            tally.refused += answer.refused;
          } catch {
            tally.failed += count;
            ok = false;
          }
        }
      } catch {
        if (!signal.aborted) tally.beatsFailed++;
        ok = false;
      }
      if (!ok) at = (at + 1) % this.proxies.length;
      if (await sleep(jittered(5000, 0.1), signal)) return;
    }
  }

  /** The proxies' statuses as the console's API says them. */
  async proxyStatuses(): Promise<string[]> {
    const answer = await this.stage.call("GET", `/api/v1/clusters/${this.clusterId}/proxies`);
    if (answer.status !== 200) return ["unknown"];
    return (answer.json as { items: { status: string }[] }).items.map((p) => p.status);
  }

  /** Records the proxies took from their agents (an agent the proxy does not know yet is relayed as is). */
  accepted(): number {
    return [...this.tally.values()].reduce((sum, t) => sum + t.accepted, 0);
  }

  /** Records the console stored (its per-minute rollups; the suite's database holds only this fleet's). */
  async ingested(): Promise<number> {
    const [row] = await this.stage.sql<{ n: string }>("SELECT COALESCE(sum(records), 0)::bigint AS n FROM data_rollup");
    return Number(row!.n);
  }

  /**
   * Both counts with the data paused and the queues drained (or, after a loss, no longer moving):
   * a fault's figures are what changed after its mark.
   */
  async mark(): Promise<{ accepted: number; ingested: number }> {
    const { accepted, ingested } = await this.quiet(30);
    return { accepted, ingested };
  }

  /**
   * Pauses the agents' data until the console holds every record the proxies took (or holds
   * still for 8 s), at most `seconds`; the counts then. The data resumes afterwards.
   */
  private async quiet(seconds: number) {
    const started = Date.now();
    const perBeat = this.recordsPerBeat;
    this.recordsPerBeat = 0;
    await sleep(6000); // a heartbeat interval: the last records in flight land at the proxies
    let ingested = await this.ingested();
    let still = Date.now();
    while (ingested < this.accepted() && Date.now() - still < 8000 && Date.now() - started < seconds * 1000) {
      await sleep(500);
      const now = await this.ingested();
      if (now !== ingested) still = Date.now();
      ingested = now;
    }
    await sleep(2000); // a late duplicate would show now
    const counts = { accepted: this.accepted(), ingested: await this.ingested(), ms: Date.now() - started };
    this.recordsPerBeat = perBeat;
    return counts;
  }

  /** Waits (at most `seconds`) until the console holds every record taken since `from`; the figures since then. */
  async drained(from: { accepted: number; ingested: number }, seconds = 90) {
    const now = await this.quiet(seconds);
    return { accepted: now.accepted - from.accepted, ingested: now.ingested - from.ingested, ms: now.ms };
  }

  async waitFor(what: string, check: () => Promise<boolean>, seconds = 60) {
    for (let i = 0; i < seconds * 2; i++) {
      if (await check().catch(() => false)) return;
      await sleep(500);
    }
    throw new Error(`timed out after ${seconds} s waiting until ${what}`);
  }

  async close() {
    this.stop.abort();
    await Promise.allSettled(this.agents);
    await Promise.all(this.proxies.map((p) => this.stopProxy(p)));
  }
}
