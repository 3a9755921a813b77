// Types of agent-loop.mjs for the TypeScript callers.
import type { AgentHeartbeatAnswer, Logger, ProtocolClient } from "./protocol.mjs";
import type { ProxyLoopOptions } from "./proxy-loop.mjs";

export type QuickProxy = { proxyId: string; version: string };
export type AgentLoopOptions = {
  client: ProtocolClient;
  agentVersion: string;
  log: Logger;
  signal?: AbortSignal;
  proxies?: QuickProxy[];
  onProxiesChange?: (proxies: QuickProxy[]) => void;
  onHeartbeat?: (answer: AgentHeartbeatAnswer) => void;
  proxyOptions?: Partial<Pick<ProxyLoopOptions, "stats" | "upgradeDelayMs" | "onHeartbeat" | "intervalSeconds">>;
  intervalSeconds?: number | null;
  random?: () => number;
};

export declare function runAgentLoop(
  options: AgentLoopOptions,
): Promise<{ reason: "unauthorized" | "gone" | "rejected" | "aborted"; error?: string }>;
