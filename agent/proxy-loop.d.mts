// Types of proxy-loop.mjs for the TypeScript callers.
import type { Logger, ProtocolClient, ProxyHeartbeatAnswer } from "./protocol.mjs";

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
};
export type ProxyLoopResult = {
  reason: "stopped" | "gone" | "unauthorized" | "rejected" | "aborted";
  version: string;
  error?: string;
};

export declare function runProxyLoop(options: ProxyLoopOptions): Promise<ProxyLoopResult>;
