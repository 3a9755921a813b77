// Types of proxy-loop.mjs for the TypeScript callers.
import type { Logger, ProtocolClient, ProxyHeartbeatAnswer, ProxyReport } from "./protocol.mjs";
import type { ClientTable } from "./proxy/client-table.mjs";
import type { DataPipe } from "./proxy/data-pipe.mjs";
import type { TlsListener } from "./proxy/tls-listener.mjs";

/** A proxy's data path: the agents it vouches for and its policy-bound data pipe. */
export type Relay = { clients: ClientTable; data: DataPipe; listen?: string[]; tls?: TlsListener | null };

export type ProxyStats = { connectedClients: number; bytesRelayed: number; cacheBytes: number };
export type ProxyLoopOptions = {
  client: ProtocolClient;
  proxyId: string;
  version: string;
  log: Logger;
  signal?: AbortSignal;
  stats?: () => ProxyStats;
  intervalSeconds?: number | null;
  upgradeDelayMs?: number;
  onVersion?: (version: string) => void;
  onHeartbeat?: (answer: ProxyHeartbeatAnswer) => void;
  random?: () => number;
  relay?: Relay | null;
  /** Sends the last heartbeat of a stopping proxy (the loop's own client is aborted by then). */
  sayStopping?: ((report: ProxyReport) => Promise<unknown>) | null;
  /** Real upgrades (release/upgrader.mjs); without it an upgrade is simulated. */
  upgrader?: {
    restarting: boolean;
    report(): { version: string; outcome: string; reason: string } | null;
    reported(report: { version: string; outcome: string; reason: string }): void;
    upgrade(payload: unknown): Promise<"staged" | "refused" | "retry" | "busy">;
  } | null;
};
export type ProxyLoopResult = {
  reason: "stopped" | "gone" | "unauthorized" | "rejected" | "aborted";
  version: string;
  error?: string;
};

export declare function runProxyLoop(options: ProxyLoopOptions): Promise<ProxyLoopResult>;
