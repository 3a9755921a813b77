// Types of limiters.mjs for the TypeScript callers.
export type Clock = () => number;

export declare function kbpsToBytesPerSecond(kbps: number): number;
export declare function kbpsToBytesPerSecond(kbps: number | null | undefined): number | null;

export declare class TokenBucket {
  constructor(options: { ratePerSecond: number | null; burst?: number; now?: Clock });
  readonly rate: number | null;
  readonly burst: number;
  readonly tokens: number;
  get unlimited(): boolean;
  setRate(ratePerSecond: number | null, burst?: number): void;
  take(n?: number): number;
  tryTake(n?: number): boolean;
}

export declare class FrequencyLimiter {
  constructor(options?: { perMinute?: number | null; now?: Clock });
  get perMinute(): number | null;
  setLimit(perMinute: number | null): void;
  take(n?: number): number;
  tryTake(n?: number): boolean;
}
