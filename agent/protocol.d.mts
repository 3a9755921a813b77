// Types of protocol.mjs for the TypeScript callers (simulator, benchmark, tests).
export declare const AGENT_VERSION: string;
export declare const DEFAULT_PROXY_VERSION: string;

export type ProtocolErrorKind = "unauthorized" | "gone" | "rejected" | "unavailable" | "aborted";

export declare class ProtocolError extends Error {
  constructor(kind: ProtocolErrorKind, message: string, info?: { status?: number; code?: string; details?: unknown });
  readonly kind: ProtocolErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly details: unknown;
  get fatal(): boolean;
}

export type AssetFacts = {
  hostname: string;
  os: "linux" | "windows";
  osVersion: string;
  ips: string[];
  type?: "host" | "container";
  cpuCores?: number | null;
  memoryMb?: number | null;
  agentVersion: string;
  machineId?: string;
};

export type AgentTask = { id: string; type: string; payload: Record<string, unknown> | null };
export type ProxyTask = { id: string; type: "upgrade" | "stop"; payload: { version?: string } | null };
export type ProxyPolicy = { version: number; mode: string; [key: string]: unknown };

export type RegisterAnswer = { assetId: string; credential: string; clusterId: string | null; contactAddress: string | null };
export type ProxyRegisterAnswer = {
  proxyId: string;
  credential: string;
  clusterId: string;
  contactAddress: string;
  heartbeatPath: string;
};
export type AgentHeartbeatAnswer = { tasks: AgentTask[]; heartbeatIntervalSeconds: number };
export type ProxyHeartbeatAnswer = { tasks: ProxyTask[]; policy: ProxyPolicy | null; heartbeatIntervalSeconds: number };
export type ProxyReport = {
  proxyVersion: string;
  connectedClients: number;
  bytesRelayed: number;
  cacheBytes: number;
  policyVersion: number | null;
};

export type RequestEvent = { path: string; status: number | null; ms: number; error?: string };
export type Logger = {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
  child(fields: object): Logger;
};

export type ProtocolClientOptions = {
  url: string;
  credential?: string | null;
  timeoutMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  log?: Pick<Logger, "warn">;
  onRequest?: (event: RequestEvent) => void;
  /** Runs each attempt; the timeout starts inside (a concurrency limiter, in the simulator). */
  schedule?: <T>(attempt: () => Promise<T>) => Promise<T>;
  userAgent?: string;
};

export type ProtocolClient = {
  readonly credential: string | null;
  setCredential(value: string | null): void;
  register(installToken: string, facts: AssetFacts): Promise<RegisterAnswer>;
  heartbeat(report: { agentVersion: string; viaProxyId: string | null }): Promise<AgentHeartbeatAnswer>;
  registerProxy(deployToken: string, facts: AssetFacts, proxyVersion: string): Promise<ProxyRegisterAnswer>;
  proxyHeartbeat(proxyId: string, report: ProxyReport): Promise<ProxyHeartbeatAnswer>;
};

export declare function backoffDelayMs(
  attempt: number,
  options?: { baseMs?: number; capMs?: number; random?: () => number },
): number;
export declare function parseRetryAfter(value: string | null | undefined, now?: number): number | null;
export declare function jittered(ms: number, fraction?: number, random?: () => number): number;
export declare function sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
export declare function createProtocolClient(options: ProtocolClientOptions): ProtocolClient;
