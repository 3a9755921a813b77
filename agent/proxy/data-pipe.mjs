// What the proxy does with its agents' data, by the cluster's policy (R17, R18, SPEC §8):
// backflow queues each record on disk and drains the queue upstream within the bandwidth (token
// bucket on the bytes sent) and frequency (records per minute) limits; cache writes the records of
// the policy's data types to <cacheDir>/export.log in rotating segments and sends nothing upstream.
// Every bound counts what it turned away; those counts reach the console in each heartbeat.
import path from "node:path";
import { CacheSegments } from "./cache-segments.mjs";
import { DiskQueue } from "./disk-queue.mjs";
import { FrequencyLimiter, TokenBucket, kbpsToBytesPerSecond } from "./limiters.mjs";
import { sleep } from "../protocol.mjs";

export const DEFAULT_QUEUE_MAX_BYTES = 256 * 1024 * 1024;
const MAX_SEND_RECORDS = 500;
const MAX_SEND_BYTES = 256 * 1024;

/** How many of `records` (in seq order) the console took: those with seq <= ackedSeq; all when it did not say. */
export function acknowledged(records, ackedSeq) {
  if (typeof ackedSeq !== "number") return records.length;
  let n = 0;
  while (n < records.length && records[n].seq <= ackedSeq) n++;
  return n;
}

export class DataPipe {
  /**
   * @param {{ stateDir: string, queueMaxBytes?: number, cacheMaxBytes?: number | null, cacheDir?: string | null,
   *           now?: () => number }} options cacheMaxBytes / cacheDir override the policy's (tests, small disks).
   */
  constructor(options) {
    this.options = options;
    this.queue = new DiskQueue({
      dir: path.join(options.stateDir, "queue"),
      maxBytes: options.queueMaxBytes ?? DEFAULT_QUEUE_MAX_BYTES,
    });
    this.bandwidth = new TokenBucket({ ratePerSecond: null, now: options.now });
    this.frequency = new FrequencyLimiter({ perMinute: null, now: options.now });
    this.policy = { mode: "backflow", dataTypes: [] };
    this.cache = null;
    this.bytesRelayed = 0;
    this.filtered = 0;
    /** Batches the console did not take (each is retried). */
    this.upstreamErrors = 0;
  }

  setPolicy(policy) {
    if (!policy) return;
    this.policy = policy;
    const rate = policy.mode === "backflow" ? kbpsToBytesPerSecond(policy.bandwidthKbps ?? null) : null;
    // One second of budget as the burst, so the rate holds over any few seconds.
    this.bandwidth.setRate(rate, rate === null ? undefined : Math.max(rate, 1));
    this.frequency.setLimit(policy.mode === "backflow" ? (policy.frequencyPerMin ?? null) : null);
    if (policy.mode === "cache") {
      const dir = this.options.cacheDir ?? policy.cacheDir;
      const cap = Math.min(Number(policy.cacheMaxBytes ?? Infinity), this.options.cacheMaxBytes ?? Infinity);
      if (!this.cache || this.cache.dir !== dir) this.cache = new CacheSegments({ dir, maxBytes: cap });
      else if (this.cache.maxBytes !== cap) this.cache.setCap(cap);
    }
  }

  /** Records from one agent (already authenticated as `assetId`). */
  accept(assetId, records) {
    const items = records.map((r) => ({ assetId, type: r.type, at: r.at, data: r.data }));
    if (this.policy.mode !== "cache") return this.queue.pushAll(items);
    let accepted = 0;
    for (const item of items) {
      // Only the policy's data types are kept in the data center; the rest are not collected.
      if (!this.policy.dataTypes?.includes(item.type)) this.filtered++;
      else if (this.cache.write(item)) accepted++;
    }
    return accepted;
  }

  stats() {
    const queueDrops = this.queue.dropped;
    const cacheDrops = this.cache?.dropped ?? { records: 0, bytes: 0 };
    return {
      bytesRelayed: this.bytesRelayed,
      queuedBytes: this.queue.bytes,
      droppedBytes: queueDrops.bytes + cacheDrops.bytes,
      droppedRecords: queueDrops.records + cacheDrops.records,
      cacheBytes: this.cache?.bytes ?? 0,
    };
  }

  /**
   * Waits until `limiter` admits n, asking again at least every second, so that a limit the
   * console lifts or raises meanwhile applies at once. Returns true when stopped meanwhile.
   */
  async #admit(limiter, n, signal) {
    for (let wait = limiter.take(n); wait > 0; wait = limiter.take(n)) if (await sleep(Math.min(wait, 1000), signal)) return true;
    return false;
  }

  /**
   * Drains the queue upstream until `signal` aborts: `send(records, stream)` posts one batch and
   * throws when it could not (the batch stays queued and is tried again after `retryMs`). The
   * console acknowledges up to `ackedSeq` (issue 15): exactly the records with seq <= ackedSeq are
   * committed; an answer without it (a console before issue 15) takes the whole batch. Records
   * queued by an older release have no seq and go without a stream, as they did then.
   */
  async drain(send, { signal, retryMs = () => 2000, idleMs = 250, lingerMs = 5000 } = {}) {
    let failures = 0;
    while (!signal?.aborted) {
      const rate = this.bandwidth.unlimited ? Infinity : this.bandwidth.rate;
      const limitBytes = Math.min(MAX_SEND_BYTES, Math.max(1024, rate));
      // At most a minute's worth under a frequency limit: a larger batch would pass once and leave
      // the limiter in debt for many minutes, long after the console has lifted the limit.
      const maxRecords = Math.max(1, Math.min(MAX_SEND_RECORDS, Math.floor(this.frequency.perMinute ?? Infinity)));
      const batch = this.queue.peek(maxRecords, limitBytes);
      if (batch.records.length === 0 || this.policy.mode === "cache") {
        if (await sleep(idleMs, signal)) return;
        continue;
      }
      const sequenced = batch.records.every((r) => Number.isSafeInteger(r.seq));
      const stream = sequenced ? this.queue.stream : undefined;
      // The request body as sent (protocol.mjs), so the bandwidth limit (R17) counts its wrapper too.
      const bytes = Buffer.byteLength(JSON.stringify(stream ? { stream, records: batch.records } : { records: batch.records }));
      if ((await this.#admit(this.bandwidth, bytes, signal)) || (await this.#admit(this.frequency, batch.records.length, signal)))
        return;
      try {
        const answer = await send(batch.records, stream);
        const taken = acknowledged(batch.records, sequenced ? answer?.ackedSeq : undefined);
        if (taken === 0) throw new Error(`the console acknowledged none of the batch (ackedSeq ${answer?.ackedSeq})`);
        this.queue.commit(taken);
        this.bytesRelayed += bytes;
        failures = 0;
        if (taken < batch.records.length) continue; // the rest at once, as the next batch
        // A batch that was not full: let records gather for a moment, so a steady trickle from
        // thousands of agents goes upstream as one request every few seconds, not one per agent
        // (a million clients behind 167 proxies: about 33 requests a second at the console).
        const full = batch.records.length >= maxRecords || batch.bytes >= limitBytes * 0.9;
        if (!full && lingerMs > 0 && (await sleep(lingerMs, signal))) return;
      } catch (error) {
        if (error?.kind === "aborted") return;
        this.upstreamErrors++;
        if (await sleep(retryMs(failures++, error), signal)) return;
      }
    }
  }

  close() {
    this.queue.close();
    this.cache?.close();
  }
}
