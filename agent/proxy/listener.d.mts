// Types of listener.mjs for the TypeScript callers.
export declare function routeOf(method: string, pathname: string): "relay" | "heartbeat" | "data" | null;
export declare function parseListen(text: string): { host: string; port: number }[];
export declare function createRelayListener(options: Record<string, unknown>): {
  counters: { relayed: number; upstreamErrors: number; notFound: number; tlsRefused: number };
  /** The request handler, shared with the TLS servers (tls-listener.mjs). */
  handler: import("node:http").RequestListener;
  start(): Promise<string[]>;
  close(): Promise<void>;
};
