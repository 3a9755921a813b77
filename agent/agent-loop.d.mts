// Types of agent-loop.mjs for the TypeScript callers.
import type { AgentHeartbeatAnswer, AgentRoute, Logger, ProtocolClient, ProxyReport } from "./protocol.mjs";
import type { ProxyLoopOptions, Relay } from "./proxy-loop.mjs";

export type QuickProxy = { proxyId: string; version: string; listen?: string };
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
  /** Move to the route each heartbeat answer names (the real daemon; stand-ins leave it off). */
  followRoute?: boolean;
  route?: AgentRoute | null;
  endpointsOverride?: string | null;
  onRouteChange?: (route: AgentRoute) => void;
  /** Starts a quick-deployed proxy's data path (listener, agent table, data pipe). */
  makeRelay?: (
    proxyId: string,
    signal: AbortSignal,
    listen?: string | null,
  ) => Promise<{ relay: Relay; close: () => Promise<void> } | null>;
  sayStopping?: ((proxyId: string, report: ProxyReport) => Promise<unknown>) | null;
};

export declare function runAgentLoop(
  options: AgentLoopOptions,
): Promise<{ reason: "unauthorized" | "gone" | "rejected" | "aborted"; error?: string }>;
