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
  /** The queue's stream id (stream.json): the console acknowledges (stream, seq) pairs. */
  readonly stream: string;
  /** The seq the next queued record gets; never reused within the stream. */
  readonly nextRecordSeq: number;
  /** The highest seq committed (kept in cursor.json). */
  readonly committedSeq: number;
  push(record: T): boolean;
  /** Appends in one write per segment; returns how many were queued (the rest dropped, counted). */
  pushAll(records: T[]): number;
  /** Records as queued, with their seq (absent in lines queued by a release before issue 15). */
  peek(maxRecords?: number, maxBytes?: number): { records: (T & { seq?: number })[]; bytes: number };
  commit(count: number): void;
  get bytes(): number;
  get records(): number;
  get dropped(): DropCount;
  close(): void;
}
