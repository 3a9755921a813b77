// Types of tls-fetch.mjs for the TypeScript callers.
export declare function createTlsFetch(options: {
  ca: string | Buffer;
  servername?: string | null;
  maxSockets?: number;
}): typeof fetch;
export declare function consoleFetchFromEnv(env?: NodeJS.ProcessEnv): typeof fetch | null;
