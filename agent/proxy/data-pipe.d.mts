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
/** How many of `records` (in seq order) have seq <= ackedSeq; all of them when ackedSeq is not a number. */
export declare function acknowledged(records: { seq?: number }[], ackedSeq: unknown): number;
export declare class DataPipe {
  readonly queue: import("./disk-queue.mjs").DiskQueue<Rec & { assetId: string }>;
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
    send: (records: (Rec & { assetId: string; seq?: number })[], stream: string | undefined) => Promise<unknown>,
    options?: {
      signal?: AbortSignal;
      retryMs?: (failures: number, error: unknown) => number;
      idleMs?: number;
      lingerMs?: number;
    },
  ): Promise<void>;
  close(): void;
}
