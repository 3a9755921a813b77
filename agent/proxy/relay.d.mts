// Types of relay.mjs for the TypeScript callers.
import type { Logger, ProtocolClient } from "../protocol.mjs";
import type { Relay } from "../proxy-loop.mjs";

export declare const DEFAULT_LISTEN: string;
export declare function startRelay(options: {
  proxyId: string;
  clusterId?: string | null;
  client: ProtocolClient;
  upstream: () => string;
  stateDir: string;
  log: Logger;
  signal: AbortSignal;
  listen?: string;
  /** host:port list for agents over TLS (AEGIS_PROXY_TLS_LISTEN); "off": none. */
  tlsListen?: string;
  metricsListen?: string;
  version?: () => string;
  env?: NodeJS.ProcessEnv;
}): Promise<{ relay: Relay & { listen: string[] }; close: () => Promise<void> }>;
