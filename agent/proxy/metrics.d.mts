// Types of metrics.mjs for the TypeScript callers.
export type Family = {
  name: string;
  help: string;
  type: "counter" | "gauge";
  samples: { labels?: Record<string, string>; value: number }[];
};
export declare function formatMetrics(families: Family[]): string;
export declare function proxyFamilies(relay: {
  proxyId: string;
  version?: () => string;
  clients: { connectedCount: number; refusedFull: number };
  data: { stats(): import("./data-pipe.mjs").PipeStats; filtered: number; upstreamErrors: number };
  counters: { relayed: number; upstreamErrors: number };
}): Family[];
export declare function startMetricsServer(options: {
  listen: string;
  collect: () => Family[];
}): Promise<{ addresses: string[]; close: () => Promise<unknown> }>;
