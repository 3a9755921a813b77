// Types of endpoints.mjs for the TypeScript callers.
import type { LookupAddress, LookupAllOptions } from "node:dns";

export type Lookup = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

export declare function resolveEndpoints(options: {
  address: string;
  port: number;
  override?: string | null;
  lookup?: Lookup;
  /** "https": TLS to the proxies, every endpoint at `port` (the cluster's TLS port). */
  scheme?: "http" | "https";
}): Promise<string[]>;

export declare class EndpointPool {
  constructor(urls: string[], options?: { random?: () => number });
  get urls(): string[];
  current(): string;
  failed(url: string): string;
  succeeded(url: string): void;
  prefer(hostPorts: string[]): string | null;
  replace(urls: string[], current?: string): void;
}
