// Virtual agents and proxies: the real daemon loops (agent/agent-loop.mjs, agent/proxy-loop.mjs)
// with the real protocol client over HTTP, one client per virtual server, sharing a
// concurrency-limited fetch. Each loop starts at a random point of the interval, so the fleet
// does not heartbeat in lockstep.
import { setMaxListeners } from "node:events";
import { runAgentLoop, type QuickProxy } from "../../../agent/agent-loop.mjs";
import { silentLogger } from "../../../agent/log.mjs";
import { AGENT_VERSION, createProtocolClient, sleep, type ProtocolClient } from "../../../agent/protocol.mjs";
import { runProxyLoop, type ProxyStats, type Relay } from "../../../agent/proxy-loop.mjs";
import { createLimiter } from "./limiter";
import { FleetStats } from "./stats";

export type MakeRelay = (proxyId: string, signal: AbortSignal) => Promise<{ relay: Relay; close: () => Promise<void> } | null>;

export type FleetOptions = {
  url: string;
  /** Requests in flight at once, across the fleet. */
  concurrency: number;
  /** Overrides the interval the console answers with. */
  intervalSeconds: number | null;
  /** Until the first answer tells the real one. */
  expectedIntervalSeconds: number;
  log: (line: string) => void;
  upgradeDelayMs?: number;
};

export class Fleet {
  readonly stats: FleetStats;
  readonly controller = new AbortController();
  private readonly limit: ReturnType<typeof createLimiter>;
  private readonly loops = new Set<Promise<unknown>>();
  private readonly options: FleetOptions;
  readonly endings = { stopped: 0, gone: 0, refused: 0 };

  constructor(options: FleetOptions) {
    this.options = options;
    this.limit = createLimiter(options.concurrency);
    this.stats = new FleetStats(options.expectedIntervalSeconds * 3000);
    // Every in-flight request and every sleeping loop listens on the one stop signal.
    setMaxListeners(0, this.controller.signal);
  }

  client(credential: string | null, maxAttempts = 3): ProtocolClient {
    return createProtocolClient({
      url: this.options.url,
      credential,
      schedule: this.limit,
      signal: this.controller.signal,
      onRequest: this.stats.onRequest,
      maxAttempts,
      retryCapMs: 60_000,
      userAgent: `pac-simulator/${AGENT_VERSION}`,
    });
  }

  private track(promise: Promise<unknown>) {
    this.loops.add(promise);
    void promise.finally(() => this.loops.delete(promise));
  }

  private noteInterval(seconds: number) {
    if (!this.options.intervalSeconds && seconds > 0) this.stats.setOnlineWindow(seconds * 3000);
  }

  private startDelayMs(stagger: boolean) {
    return stagger ? Math.random() * (this.options.intervalSeconds ?? this.options.expectedIntervalSeconds) * 1000 : 0;
  }

  startProxy(p: {
    key: string;
    client: ProtocolClient;
    proxyId: string;
    version: string;
    stats?: () => ProxyStats;
    /** The virtual agents it carries (virtual-relay.ts); without, it reports stats() only. */
    makeRelay?: MakeRelay;
    stagger?: boolean;
  }) {
    const signal = this.controller.signal;
    this.track(
      (async () => {
        if (await sleep(this.startDelayMs(p.stagger ?? true), signal)) return;
        const started = await p.makeRelay?.(p.proxyId, signal);
        const result = await runProxyLoop({
          relay: started?.relay ?? null,
          client: p.client,
          proxyId: p.proxyId,
          version: p.version,
          log: silentLogger,
          signal,
          stats: p.stats,
          intervalSeconds: this.options.intervalSeconds,
          upgradeDelayMs: this.options.upgradeDelayMs ?? 3000,
          onHeartbeat: (answer) => {
            this.stats.proxySeen(p.key);
            this.noteInterval(answer.heartbeatIntervalSeconds);
          },
          onVersion: (version) => this.options.log(`proxy ${p.key} upgraded to ${version}`),
        });
        await started?.close();
        this.loopEnded(p.key, result.reason, result.error);
      })(),
    );
  }

  startAgent(a: {
    key: string;
    client: ProtocolClient;
    proxies?: QuickProxy[];
    proxyStats?: () => ProxyStats;
    makeRelay?: MakeRelay;
    stagger?: boolean;
  }) {
    const signal = this.controller.signal;
    this.track(
      (async () => {
        if (await sleep(this.startDelayMs(a.stagger ?? true), signal)) return;
        const result = await runAgentLoop({
          client: a.client,
          agentVersion: AGENT_VERSION,
          log: silentLogger,
          signal,
          proxies: a.proxies,
          makeRelay: a.makeRelay,
          intervalSeconds: this.options.intervalSeconds,
          onHeartbeat: (answer) => {
            this.stats.agentSeen(a.key);
            this.noteInterval(answer.heartbeatIntervalSeconds);
            for (const task of answer.tasks) {
              if (task.type === "deploy-proxy") this.options.log(`agent ${a.key}: deploy-proxy task ${task.id}`);
            }
          },
          proxyOptions: {
            intervalSeconds: this.options.intervalSeconds,
            upgradeDelayMs: this.options.upgradeDelayMs ?? 3000,
            stats: a.proxyStats,
            onHeartbeat: () => this.stats.proxySeen(`${a.key}/proxy`),
          },
        });
        this.loopEnded(a.key, result.reason, result.error);
      })(),
    );
  }

  private loopEnded(key: string, reason: string, error?: string) {
    if (reason === "aborted") return;
    this.stats.forget(key);
    if (reason === "stopped") this.endings.stopped++;
    else if (reason === "gone") this.endings.gone++;
    else this.endings.refused++;
    this.options.log(`${key}: loop ended (${reason}${error ? `: ${error}` : ""})`);
  }

  async stop() {
    this.controller.abort();
    await Promise.allSettled([...this.loops]);
  }
}
