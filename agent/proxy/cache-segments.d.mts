// Types of cache-segments.mjs for the TypeScript callers.
import type { DropCount } from "./disk-queue.mjs";

export declare class CacheSegments {
  constructor(options: { dir: string; maxBytes: number; segments?: number });
  readonly dir: string;
  readonly segments: number;
  readonly maxBytes: number;
  /** maxBytes / segments: the most one file may hold. */
  readonly segmentBytes: number;
  readonly lastError: NodeJS.ErrnoException | null;
  write(record: unknown): boolean;
  setCap(maxBytes: number): void;
  get bytes(): number;
  get dropped(): DropCount;
  close(): void;
}
