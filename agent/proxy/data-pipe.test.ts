// The backflow drain and the console's acknowledgement (issue 15): the queue commits exactly the
// records the console acknowledged, on a real queue folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataPipe, acknowledged } from "@/agent/proxy/data-pipe.mjs";

let stateDir: string;
beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-pipe-"));
});
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: "process_logs", at: "2026-01-01T00:00:00Z", data: { i } }));
type Sent = { seqs: number[]; stream: string | undefined };

/** Drains until `answer` has been asked `calls` times; returns what was sent. */
async function drainWith(pipe: DataPipe, calls: number, answer: (batch: Sent, call: number) => unknown) {
  const sent: Sent[] = [];
  const stop = new AbortController();
  await pipe.drain(
    async (batch, stream) => {
      const seen = { seqs: batch.map((r) => r.seq!), stream };
      sent.push(seen);
      if (sent.length >= calls) stop.abort();
      return answer(seen, sent.length);
    },
    { signal: stop.signal, idleMs: 1, lingerMs: 0, retryMs: () => 1 },
  );
  return sent;
}

describe("acknowledged", () => {
  it("counts the records up to ackedSeq, or all when the console did not say", () => {
    const batch = [{ seq: 4 }, { seq: 5 }, { seq: 6 }];
    expect(acknowledged(batch, 5)).toBe(2);
    expect(acknowledged(batch, 3)).toBe(0);
    expect(acknowledged(batch, 9)).toBe(3);
    expect(acknowledged(batch, undefined)).toBe(3);
  });
});

describe("DataPipe.drain", () => {
  it("sends the queue's stream and seqs, and commits only up to ackedSeq", async () => {
    const pipe = new DataPipe({ stateDir });
    pipe.accept("asset-1", records(10));
    const sent = await drainWith(pipe, 2, (batch, call) => {
      const last = batch.seqs.at(-1)!;
      // First answer: only the first 4 taken (as a console that had seen just those would say).
      return { received: batch.seqs.length, accepted: 0, refused: 0, ackedSeq: call === 1 ? 4 : last };
    });
    expect(sent[0]).toEqual({ seqs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], stream: pipe.queue.stream });
    expect(sent[1]!.seqs).toEqual([5, 6, 7, 8, 9, 10]);
    expect(pipe.queue.records).toBe(0);
    pipe.close();
  });

  it("keeps the batch when the answer is lost, and sends the same seqs again", async () => {
    const pipe = new DataPipe({ stateDir });
    pipe.accept("asset-1", records(3));
    const sent = await drainWith(pipe, 2, (batch, call) => {
      if (call === 1) throw new Error("socket hang up");
      return { received: 3, accepted: 0, refused: 0, duplicates: 3, ackedSeq: batch.seqs.at(-1) };
    });
    expect(sent.map((s) => s.seqs)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(pipe.queue.records).toBe(0);
    expect(pipe.upstreamErrors).toBe(1);
  });

  it("takes the whole batch from a console that answers without ackedSeq", async () => {
    const pipe = new DataPipe({ stateDir });
    pipe.accept("asset-1", records(5));
    await drainWith(pipe, 1, () => ({ received: 5, accepted: 5, refused: 0 }));
    expect(pipe.queue.records).toBe(0);
  });

  it("resumes after a restart with the same stream and unacknowledged seqs", async () => {
    const first = new DataPipe({ stateDir });
    first.accept("asset-1", records(6));
    await drainWith(first, 1, () => ({ received: 6, accepted: 6, refused: 0, ackedSeq: 2 }));
    first.close();
    const second = new DataPipe({ stateDir });
    second.accept("asset-1", records(1));
    const sent = await drainWith(second, 1, (b) => ({ received: 5, accepted: 5, refused: 0, ackedSeq: b.seqs.at(-1) }));
    expect(sent[0]).toEqual({ seqs: [3, 4, 5, 6, 7], stream: first.queue.stream });
    expect(second.queue.records).toBe(0);
  });
});

describe("DataPipe.drain under a frequency limit (R17)", () => {
  it("sends at most a minute's worth at once, and the rest within a second of the limit being lifted", async () => {
    const pipe = new DataPipe({ stateDir });
    pipe.setPolicy({ mode: "backflow", dataTypes: [], bandwidthKbps: null, frequencyPerMin: 10 });
    pipe.accept("asset-1", records(300));
    const sent: number[][] = [];
    const stop = new AbortController();
    const draining = pipe.drain(
      async (batch) => {
        sent.push(batch.map((r) => r.seq!));
        if (pipe.queue.records === batch.length) stop.abort();
        return { received: batch.length, accepted: batch.length, refused: 0, ackedSeq: batch.at(-1)!.seq };
      },
      { signal: stop.signal, idleMs: 1, lingerMs: 0, retryMs: () => 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // One minute's worth went; the next batch waits for the limiter.
    expect(sent).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    pipe.setPolicy({ mode: "backflow", dataTypes: [], bandwidthKbps: null, frequencyPerMin: null });
    await draining;
    expect(sent.flat()).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    pipe.close();
  });
});
