// What the rule checks (rule-checks.ts) make through the HTTP API of SPEC §5 and §7 — clusters,
// online agents, online proxies — and undo afterwards. Nothing here throws on a refusal: a
// check looks at the statuses itself; any 5xx is recorded as a failure of the check.
import { randomBytes } from "node:crypto";
import { AGENT_VERSION, DEFAULT_PROXY_VERSION } from "../../../agent/protocol.mjs";

export type Reply = { status: number; code: string | null; body: Record<string, unknown>; headers: Headers };
export type Agent = { assetId: string; credential: string };
export type Proxy = { proxyId: string; credential: string };
export type Size = { cpuCores: number; memoryMb: number };

export const REFERENCE_SIZE: Size = { cpuCores: 8, memoryMb: 16_384 };

export class CheckApi {
  /** 5xx answers and unexpected setup refusals, in the words of the failure report. */
  readonly problems: string[] = [];
  private readonly undo: (() => Promise<unknown>)[] = [];
  private hosts = 0;
  readonly prefix = `rc-${randomBytes(3).toString("hex")}`;
  private readonly net = `${10 + (randomBytes(1)[0]! % 200)}`;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly region: "cn" | "intl",
  ) {}

  /** `credential`: the admin token by default, an agent's, or null for the public registrations. */
  async send(method: string, path: string, body?: unknown, credential: string | null = this.token): Promise<Reply> {
    const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
    if (credential) headers.authorization = `Bearer ${credential}`;
    const response = await fetch(this.baseUrl.replace(/\/+$/, "") + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { text: text.slice(0, 200) };
    }
    const code = (json.error as { code?: string } | undefined)?.code ?? null;
    if (response.status >= 500) this.problems.push(`${method} ${path} answered ${response.status} ${code ?? ""}`.trim());
    return { status: response.status, code, body: json, headers: response.headers };
  }

  /** A reply the setup needs to succeed; otherwise the check stops here. */
  need(reply: Reply, status: number, what: string): Record<string, unknown> {
    if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.code ?? ""}`.trim());
    return reply.body;
  }

  /** Undo steps, run last-in first-out by cleanup(). */
  later(step: () => Promise<unknown>) {
    this.undo.push(step);
  }

  async cleanup() {
    for (const step of this.undo.reverse()) await step().catch(() => undefined);
  }

  facts(size: Size = REFERENCE_SIZE) {
    const n = ++this.hosts;
    return {
      hostname: `${this.prefix}-host-${n}`,
      os: "linux",
      osVersion: "Ubuntu 24.04",
      ips: [`10.${this.net}.${Math.floor(n / 250)}.${(n % 250) + 1}`],
      type: "host",
      ...size,
      agentVersion: AGENT_VERSION,
    };
  }

  async cluster(name: string, address = `${name}.rules.example.internal`): Promise<string> {
    const body = this.need(
      await this.send("POST", "/api/v1/clusters", { region: this.region, name, address, description: "rule check" }),
      201,
      `create cluster ${name}`,
    );
    const id = String(body.id);
    this.later(() => this.send("DELETE", `/api/v1/clusters/${id}`));
    this.later(() => this.send("DELETE", `/api/v1/clusters/${id}/clients`, { all: true }));
    return id;
  }

  async installToken(clusterId: string | null): Promise<string> {
    const reply = await this.send("POST", "/api/v1/install-commands", {
      region: this.region,
      clusterId,
      os: "linux",
      provider: "other",
      expiresInHours: 1,
    });
    return String(this.need(reply, 201, "create install command").token);
  }

  register(installToken: string, size?: Size): Promise<Reply> {
    return this.send("POST", "/api/v1/agent/register", { installToken, ...this.facts(size) }, null);
  }

  /** Servers in the inventory (no cluster) whose agents are online. */
  async onlineAgents(count: number): Promise<Agent[]> {
    const token = await this.installToken(null);
    const replies = await Promise.all(Array.from({ length: count }, () => this.register(token)));
    return replies.map((r) => {
      const body = this.need(r, 201, "register an agent");
      return { assetId: String(body.assetId), credential: String(body.credential) };
    });
  }

  heartbeat(agent: Agent): Promise<Reply> {
    return this.send("POST", "/api/v1/agent/heartbeat", { agentVersion: AGENT_VERSION, viaProxyId: null }, agent.credential);
  }

  proxyHeartbeat(proxy: Proxy, stopping = false): Promise<Reply> {
    const report = { proxyVersion: DEFAULT_PROXY_VERSION, connectedClients: 0, bytesRelayed: 0, cacheBytes: 0, stopping };
    return this.send("POST", `/api/v1/agent/proxies/${proxy.proxyId}/heartbeat`, report, proxy.credential);
  }

  /** A deploy token of a manual deployment into the cluster. */
  async deployToken(clusterId: string): Promise<string> {
    const reply = await this.send("POST", `/api/v1/clusters/${clusterId}/proxies`, { mode: "manual", expiresInHours: 1 });
    return String(this.need(reply, 201, "create a manual deploy command").token);
  }

  registerProxy(deployToken: string, size?: Size): Promise<Reply> {
    return this.send(
      "POST",
      "/api/v1/agent/proxies/register",
      { deployToken, ...this.facts(size), proxyVersion: DEFAULT_PROXY_VERSION },
      null,
    );
  }

  /** Stopped with its last heartbeat (offline at once), then deleted (R8), at cleanup. */
  removeLater(proxy: Proxy) {
    this.later(async () => {
      await this.proxyHeartbeat(proxy, true);
      await this.send("DELETE", `/api/v1/proxies/${proxy.proxyId}`);
    });
  }

  /** A manually deployed proxy of the given size, online after its first heartbeat. */
  async onlineProxy(clusterId: string, size: Size = REFERENCE_SIZE): Promise<Proxy> {
    const body = this.need(await this.registerProxy(await this.deployToken(clusterId), size), 201, "register a proxy");
    const proxy = { proxyId: String(body.proxyId), credential: String(body.credential) };
    this.removeLater(proxy);
    this.need(await this.proxyHeartbeat(proxy), 200, "proxy heartbeat");
    return proxy;
  }

  async clusterState(id: string): Promise<{ clientCount: number; capacity: number; listed: string[]; proxies: number }> {
    const cluster = this.need(await this.send("GET", `/api/v1/clusters/${id}`), 200, "read cluster");
    const clients = this.need(await this.send("GET", `/api/v1/clusters/${id}/clients?limit=500`), 200, "list clients");
    const proxies = this.need(await this.send("GET", `/api/v1/clusters/${id}/proxies`), 200, "list proxies");
    return {
      clientCount: Number(cluster.clientCount),
      capacity: Number(cluster.capacity),
      listed: (clients.items as { id: string }[]).map((a) => a.id),
      proxies: (proxies.items as unknown[]).length,
    };
  }
}

/** "201, 409 NAME_TAKEN, …" sorted, for comparing and for failure messages. */
export function outcomes(replies: Reply[]): string[] {
  return replies.map((r) => (r.code ? `${r.status} ${r.code}` : String(r.status))).sort();
}
