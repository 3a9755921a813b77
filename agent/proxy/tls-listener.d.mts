// Types of tls-listener.mjs for the TypeScript callers.
import type { RequestListener } from "node:http";

export type ProxyTlsAnswer = {
  port: number;
  required: boolean;
  fingerprint: string;
  notAfter?: string;
  certificate?: string;
  key?: string;
  ca?: string;
};
export type TlsListener = {
  restore(): Promise<void>;
  apply(tls: ProxyTlsAnswer | null | undefined): Promise<void>;
  report(): { tlsFingerprint: string | null; tlsListen?: string[] };
  status(): { port: number; required: boolean; serving: boolean } | null;
  readonly addresses: string[];
  close(): Promise<void>;
};
export declare function certFingerprint(pem: string): string;
export declare function tlsListenOf(
  override: string | null,
  plain: { host: string; port: number }[],
  port: number,
): { host: string; port: number }[];
export declare function createTlsListener(options: {
  dir: string;
  handler: RequestListener;
  plain: { host: string; port: number }[];
  override?: string | null;
  log: object;
}): TlsListener;
