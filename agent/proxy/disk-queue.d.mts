// Types of disk-queue.mjs for the TypeScript callers.
export type DropCount = { records: number; bytes: number };

export declare class DiskQueue<T = unknown> {
  constructor(options: { dir: string; maxBytes: number; segmentBytes?: number });
  readonly dir: string;
  readonly maxBytes: number;
  readonly segmentBytes: number;
  /** On-disk size of the segments: what maxBytes bounds. */
  readonly diskBytes: number;
  readonly lastError: unknown;
  push(record: T): boolean;
  /** Appends in one write per segment; returns how many were queued (the rest dropped, counted). */
  pushAll(records: T[]): number;
  peek(maxRecords?: number, maxBytes?: number): { records: T[]; bytes: number };
  commit(count: number): void;
  get bytes(): number;
  get records(): number;
  get dropped(): DropCount;
  close(): void;
}
