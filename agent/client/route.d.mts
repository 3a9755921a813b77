// Types of route.mjs for the TypeScript callers.
export type AgentRoute =
  { mode: "proxy"; clusterId: string; address: string; port: number; prefer?: unknown } | { mode: "direct"; consoleUrl: string };
export type RouteTls = { port: number; ca: string };
export declare function sameRoute(a: AgentRoute | null, b: AgentRoute | null): boolean;
export declare function tlsFor(
  route: AgentRoute | null,
  tls: { clusterId?: string; port: number } | null | undefined,
  ca: string | null,
): RouteTls | null;
export declare function applyRoute(
  client: { setTlsFetch?(fn: typeof fetch | null): void; setEndpoints(pool: unknown): void; setUrl(url: string): void },
  route: AgentRoute,
  options?: { override?: string | null; lookup?: unknown; tls?: RouteTls | null; keepHost?: boolean },
): Promise<string[]>;
