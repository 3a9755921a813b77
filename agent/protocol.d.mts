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
  /** How install.sh runs the daemon, so the console can show the command that stops it. */
  service?: { manager: "systemd"; unit: string } | { manager: "pidfile"; pidFile: string };
};

export type AgentTask = { id: string; type: string; payload: Record<string, unknown> | null };
export type ProxyTask = { id: string; type: "upgrade" | "stop"; payload: { version?: string } | null };
export type ProxyPolicy = { version: number; mode: string; [key: string]: unknown };

export type AgentRoute =
  | {
      mode: "proxy";
      clusterId: string;
      address: string;
      port: number;
      prefer?: { proxyId: string; endpoints: string[]; requestedAt: string };
    }
  | { mode: "direct"; consoleUrl: string };
export type RegisterAnswer = {
  assetId: string;
  credential: string;
  clusterId: string | null;
  contactAddress: string | null;
  route?: AgentRoute;
};
export type ProxyRegisterAnswer = {
  proxyId: string;
  credential: string;
  clusterId: string;
  contactAddress: string;
  heartbeatPath: string;
};
export type AgentHeartbeatAnswer = { tasks: AgentTask[]; heartbeatIntervalSeconds: number; route?: AgentRoute };
export type JoinResult =
  | { status: "accepted"; assetId: string; route: AgentRoute; tasks: AgentTask[] }
  | { status: "elsewhere"; assetId: string; route: AgentRoute }
  | { status: "refused"; reason: string };
export type AgentUpdate = { assetId: string; revoked: boolean; route: AgentRoute; tasks: AgentTask[] };
export type ProxyHeartbeatAnswer = {
  tasks: ProxyTask[];
  policy: ProxyPolicy | null;
  heartbeatIntervalSeconds: number;
  offlineAfterSeconds?: number;
  clients?: { joined: JoinResult[]; updates: AgentUpdate[]; retryAfterSeconds?: number };
  /** The cluster certificate to serve agents (issue 17); certificate/key/ca only when the reported fingerprint differs. */
  tls?: import("./proxy/tls-listener.mjs").ProxyTlsAnswer & { caFingerprint?: string };
};
export type ProxyReport = {
  proxyVersion: string;
  connectedClients: number;
  bytesRelayed: number;
  cacheBytes: number;
  policyVersion: number | null;
  queuedBytes?: number;
  droppedBytes?: number;
  droppedRecords?: number;
  stopping?: boolean;
  listen?: string[];
  tlsFingerprint?: string | null;
  tlsListen?: string[];
  clients?: {
    joined: { credential: string; agentVersion: string }[];
    left: { assetId: string; lastSeenAt: string }[];
  };
};

export type RequestEvent = { path: string; status: number | null; ms: number; error?: string };
export type Logger = {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
  child(fields: object): Logger;
};

export type EndpointPoolLike = {
  current(): string;
  failed(url: string): string;
  succeeded(url: string): void;
  prefer?(hostPorts: string[]): string | null;
};
export type DataRecord = { type: string; at: string; data: Record<string, unknown> };
export type DataAnswer = { received: number; accepted: number; refused: number };
/** A proxy's data answer; duplicates and ackedSeq when the batch named its stream (issue 15). */
export type ProxyDataAnswer = DataAnswer & { duplicates?: number; ackedSeq?: number };

export type ProtocolClientOptions = {
  url?: string;
  endpoints?: EndpointPoolLike | null;
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
  /** The randomness of the waits (tests). */
  random?: () => number;
};

export type ProtocolClient = {
  readonly credential: string | null;
  setCredential(value: string | null): void;
  register(installToken: string, facts: AssetFacts): Promise<RegisterAnswer>;
  heartbeat(report: { agentVersion: string; viaProxyId: string | null }): Promise<AgentHeartbeatAnswer>;
  registerProxy(deployToken: string, facts: AssetFacts, proxyVersion: string): Promise<ProxyRegisterAnswer>;
  proxyHeartbeat(proxyId: string, report: ProxyReport): Promise<ProxyHeartbeatAnswer>;
  downloadRelease(version: string): Promise<Buffer>;
  /** `signal` stops this call (its retries and Retry-After waits included) besides the client's own. */
  agentData(records: DataRecord[], options?: { signal?: AbortSignal }): Promise<DataAnswer>;
  proxyData(
    proxyId: string,
    records: (DataRecord & { assetId: string; seq?: number })[],
    stream?: string,
  ): Promise<ProxyDataAnswer>;
  readonly url: string;
  setUrl(url: string): void;
  setEndpoints(pool: EndpointPoolLike | null): void;
  setTlsFetch(fn: typeof fetch | null): void;
  preferEndpoint(hostPorts: string[]): string | null;
};

export declare function backoffDelayMs(
  attempt: number,
  options?: { baseMs?: number; capMs?: number; random?: () => number },
): number;
export declare function parseRetryAfter(value: string | null | undefined, now?: number): number | null;
export declare function retryAfterJitter(ms: number, fraction?: number, random?: () => number): number;
export declare function jittered(ms: number, fraction?: number, random?: () => number): number;
export declare function sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
export declare function createProtocolClient(options: ProtocolClientOptions): ProtocolClient;
