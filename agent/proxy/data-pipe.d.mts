// Types of data-pipe.mjs for the TypeScript callers.
export declare const DEFAULT_QUEUE_MAX_BYTES: number;
export type PipeStats = {
  bytesRelayed: number;
  queuedBytes: number;
  droppedBytes: number;
  droppedRecords: number;
  cacheBytes: number;
};
type Rec = { type: string; at: string; data: Record<string, unknown> };
export declare class DataPipe {
  constructor(options: {
    stateDir: string;
    queueMaxBytes?: number;
    cacheMaxBytes?: number | null;
    cacheDir?: string | null;
    now?: () => number;
  });
  readonly filtered: number;
  readonly upstreamErrors: number;
  setPolicy(policy: Record<string, unknown> | null): void;
  accept(assetId: string, records: Rec[]): number;
  stats(): PipeStats;
  drain(
    send: (records: (Rec & { assetId: string })[]) => Promise<unknown>,
    options?: { signal?: AbortSignal; retryMs?: (failures: number, error: unknown) => number; idleMs?: number },
  ): Promise<void>;
  close(): void;
}
