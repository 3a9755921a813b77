// The backflow disk queue (R17) on a real temp directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiskQueue } from "@/agent/proxy/disk-queue.mjs";

type Rec = { n: number; pad?: string; seq?: number };
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-queue-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const segmentFiles = () =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
const lineBytes = (record: Rec) => Buffer.byteLength(`${JSON.stringify(record)}\n`);
const drain = (queue: DiskQueue<Rec>) => {
  const out: number[] = [];
  for (let batch = queue.peek(7); batch.records.length > 0; batch = queue.peek(7)) {
    out.push(...batch.records.map((r) => r.n));
    queue.commit(batch.records.length);
  }
  return out;
};

describe("DiskQueue", () => {
  it("keeps FIFO order across segments and deletes each finished segment", () => {
    const queue = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 }); // 2-3 records a segment
    for (let n = 0; n < 50; n++) expect(queue.push({ n })).toBe(true);
    expect(segmentFiles().length).toBeGreaterThan(3);
    expect(queue.records).toBe(50);
    const first = queue.peek(10);
    expect(first.records.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.peek(3).records.map((r) => r.n)).toEqual([0, 1, 2]);
    const before = segmentFiles().length;
    queue.commit(10);
    expect(segmentFiles().length).toBeLessThan(before);
    expect(drain(queue)).toEqual(Array.from({ length: 40 }, (_, i) => i + 10));
    expect(queue.records).toBe(0);
    expect(queue.bytes).toBe(0);
    expect(segmentFiles()).toEqual([]);
    queue.push({ n: 99 });
    expect(queue.peek().records).toEqual([{ n: 99, seq: 51 }]);
  });

  it("peeks within maxBytes but always returns one record", () => {
    const queue = new DiskQueue<Rec>({ dir, maxBytes: 10_000 });
    queue.push({ n: 1, pad: "x".repeat(100) });
    queue.push({ n: 2 });
    expect(queue.peek(10, 10).records.map((r) => r.n)).toEqual([1]);
    const both = queue.peek(10, 1000);
    expect(both.records.length).toBe(2);
    expect(both.bytes).toBe(queue.bytes);
  });

  it("refuses a push that would exceed maxBytes and counts the drop", () => {
    const queue = new DiskQueue<Rec>({ dir, maxBytes: 1000, segmentBytes: 300 });
    let accepted = 0;
    for (let n = 0; n < 200; n++) if (queue.push({ n })) accepted += 1;
    const onDisk = segmentFiles().reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    expect(onDisk).toBeLessThanOrEqual(1000);
    expect(onDisk).toBe(queue.diskBytes);
    expect(queue.dropped.records).toBe(200 - accepted);
    expect(queue.dropped.bytes).toBeGreaterThan(0);
    // Drop-newest: what was kept is the oldest.
    expect(drain(queue)).toEqual(Array.from({ length: accepted }, (_, i) => i));
    expect(queue.push({ n: 1, pad: "x".repeat(400) })).toBe(false);
  });

  it("recovers the queued records in a new instance, past what was committed", () => {
    const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 100 });
    for (let n = 0; n < 20; n++) first.push({ n });
    first.commit(first.peek(3).records.length);
    first.close();
    const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 100 });
    expect(second.records).toBe(17);
    expect(second.bytes).toBe(first.bytes);
    second.push({ n: 20 });
    expect(drain(second)).toEqual(Array.from({ length: 18 }, (_, i) => i + 3));
    expect(second.dropped).toEqual({ records: 0, bytes: 0 });
  });

  it("skips and counts a torn last line, and appends after it cleanly", () => {
    const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000 });
    first.push({ n: 1 });
    first.push({ n: 2 });
    const [file] = segmentFiles();
    fs.appendFileSync(path.join(dir, file!), '{"n":3,"pa');
    const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000 });
    expect(second.records).toBe(2);
    expect(second.dropped).toEqual({ records: 1, bytes: 10 });
    second.push({ n: 4 });
    expect(drain(second)).toEqual([1, 2, 4]);
    expect(new DiskQueue<Rec>({ dir, maxBytes: 100_000 }).dropped.records).toBe(0);
  });

  it("counts a write error as a drop instead of throwing", () => {
    const queue = new DiskQueue<Rec>({ dir, maxBytes: 100_000 });
    queue.push({ n: 1 });
    const [file] = segmentFiles();
    // The segment replaced by a directory: every append fails (EISDIR), as ENOSPC would.
    fs.rmSync(path.join(dir, file!));
    fs.mkdirSync(path.join(dir, file!));
    expect(queue.push({ n: 2 })).toBe(false);
    expect(queue.dropped).toEqual({ records: 1, bytes: lineBytes({ n: 2, seq: 2 }) });
    expect(queue.lastError).toBeTruthy();
  });

  describe("acknowledgement: stream and seq (issue 15)", () => {
    const seqs = (queue: DiskQueue<Rec>) => queue.peek().records.map((r) => r.seq);
    const streamFile = () => JSON.parse(fs.readFileSync(path.join(dir, "stream.json"), "utf8")).stream;

    it("stamps each record with the next seq, in its line on disk", () => {
      const queue = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      expect(queue.stream).toMatch(/^[0-9a-f-]{36}$/);
      expect(streamFile()).toBe(queue.stream);
      expect(queue.pushAll([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }])).toBe(4);
      expect(seqs(queue)).toEqual([1, 2, 3, 4]);
      const lines = segmentFiles().flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").trim().split("\n"));
      expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3, 4]);
    });

    it("keeps the stream and continues the seqs after a re-open with records queued", () => {
      const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      for (let n = 0; n < 10; n++) first.push({ n });
      first.commit(4);
      first.close();
      const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      expect(second.stream).toBe(first.stream);
      second.push({ n: 10 });
      expect(seqs(second)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    });

    it("keeps counting up when re-opened empty after everything was committed", () => {
      const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      for (let n = 0; n < 7; n++) first.push({ n });
      first.commit(7);
      expect(segmentFiles()).toEqual([]);
      first.close();
      const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      expect(second.records).toBe(0);
      expect(second.committedSeq).toBe(7);
      second.push({ n: 7 });
      expect(seqs(second)).toEqual([8]);
      second.commit(1);
      const third = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      third.push({ n: 8 });
      expect([third.stream, seqs(third)]).toEqual([first.stream, [9]]);
    });

    it("starts a new stream when stream.json is lost", () => {
      const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000 });
      first.push({ n: 0 });
      first.commit(1);
      fs.rmSync(path.join(dir, "stream.json"));
      const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000 });
      expect(second.stream).not.toBe(first.stream);
      expect(streamFile()).toBe(second.stream);
    });

    it("keeps committed segments on disk while the cursor cannot be written, so their seqs are not reused", () => {
      const first = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      for (let n = 0; n < 6; n++) first.push({ n });
      first.commit(1);
      // cursor.tmp as a directory: the cursor write fails (EISDIR), as ENOSPC would.
      fs.mkdirSync(path.join(dir, "cursor.tmp"));
      const before = segmentFiles();
      first.commit(5);
      expect(first.lastError).toBeTruthy();
      expect(segmentFiles()).toEqual(before);
      const second = new DiskQueue<Rec>({ dir, maxBytes: 100_000, segmentBytes: 60 });
      second.push({ n: 6 });
      // Sent again from the cursor (the console drops what it acknowledged); seq 7 is new.
      expect(seqs(second)).toEqual([2, 3, 4, 5, 6, 7]);
      fs.rmdirSync(path.join(dir, "cursor.tmp"));
      second.commit(6);
      expect(segmentFiles()).toEqual([]);
    });
  });
});
