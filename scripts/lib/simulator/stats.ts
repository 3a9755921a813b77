// Counters of a simulated fleet and the periodic summary line: who is online (heartbeat
// answered recently), heartbeats per second, latency and errors over the last window.
import type { RequestEvent } from "../../../agent/protocol.mjs";

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export class FleetStats {
  private readonly agents = new Map<string, number>();
  private readonly proxies = new Map<string, number>();
  private windowStart = Date.now();
  private heartbeats = 0;
  private errors = 0;
  private latencies: number[] = [];
  private lastError = "";
  totalHeartbeats = 0;
  totalErrors = 0;

  constructor(private onlineWindowMs: number) {}

  setOnlineWindow(ms: number) {
    this.onlineWindowMs = ms;
  }

  /** For the protocol client's onRequest hook: every request, success or not. */
  readonly onRequest = (event: RequestEvent) => {
    const ok = event.status !== null && event.status < 400;
    if (event.path.endsWith("/heartbeat") && ok) {
      this.heartbeats++;
      this.totalHeartbeats++;
      this.latencies.push(event.ms);
    }
    if (!ok) {
      this.errors++;
      this.totalErrors++;
      this.lastError = `${event.path}: ${event.status ?? event.error}`;
    }
  };

  agentSeen(key: string) {
    this.agents.set(key, Date.now());
  }

  proxySeen(key: string) {
    this.proxies.set(key, Date.now());
  }

  forget(key: string) {
    this.agents.delete(key);
    this.proxies.delete(key);
  }

  private online(map: Map<string, number>) {
    const since = Date.now() - this.onlineWindowMs;
    let n = 0;
    for (const at of map.values()) if (at >= since) n++;
    return n;
  }

  /** One line for the last window, then a new window starts. */
  summary(expected: { agents: number; proxies: number }): string {
    const seconds = Math.max(0.001, (Date.now() - this.windowStart) / 1000);
    const sorted = this.latencies.sort((a, b) => a - b);
    const line =
      `agents ${this.online(this.agents)}/${expected.agents} online · proxies ${this.online(this.proxies)}/${expected.proxies} online · ` +
      `${(this.heartbeats / seconds).toFixed(1)} heartbeats/s · p50 ${percentile(sorted, 50).toFixed(0)} ms · p95 ${percentile(sorted, 95).toFixed(0)} ms · ` +
      `errors ${this.errors} (total ${this.totalErrors})${this.errors > 0 ? ` last: ${this.lastError}` : ""}`;
    this.windowStart = Date.now();
    this.heartbeats = 0;
    this.errors = 0;
    this.latencies = [];
    return line;
  }
}
