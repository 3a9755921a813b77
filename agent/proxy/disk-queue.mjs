// A bounded on-disk FIFO of JSON records: backflow data waiting for the bandwidth and frequency
// limits (R17) survives a proxy restart and never takes more disk than `maxBytes`.
//
// Records are JSON lines appended to `<dir>/q-<seq>.jsonl` segments of at most `segmentBytes`;
// peek reads whole segments, oldest first; a fully committed segment is deleted, and
// `<dir>/cursor.json` remembers how far into the oldest one the caller has committed, so a
// restart resends nothing (should that small write fail, at most one segment is sent twice).
// Synchronous fs calls: records are small and each call touches at most a segment. No fsync:
// a crashed process loses nothing the kernel holds; a crashed host may lose the last writes.
//
// Acknowledgement (issue 15): every record is stamped with `seq`, one more than the last, within a
// `stream` (a random id kept in `<dir>/stream.json`); the console applies each (stream, seq) once,
// so a batch sent again after a crash or a lost answer is not counted twice. The next seq survives
// a restart: it follows the last segment's last line and the last committed seq the cursor keeps,
// and the cursor is written before committed segments are deleted. Without stream.json (lost, or
// a queue from a release before this), a new stream starts, which is safe: the console has never
// acknowledged anything of it.
//
// When full, a push is refused (drop-newest): the queued data is older and has waited its turn,
// and refusing needs no rewrite of a segment. Every refusal, torn line and write error (ENOSPC,
// EIO) is counted in `dropped`, never thrown.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SEGMENT_FILE = /^q-(\d+)\.jsonl$/;

/** Whole, parseable lines of a segment; a torn or corrupt line is counted, not returned. */
function parseSegment(buffer) {
  const lines = [];
  let bad = 0;
  let start = 0;
  for (let end = buffer.indexOf(10); end !== -1; end = buffer.indexOf(10, start)) {
    try {
      lines.push({ record: JSON.parse(buffer.toString("utf8", start, end)), bytes: end + 1 - start });
    } catch {
      bad += 1;
    }
    start = end + 1;
  }
  if (start < buffer.length) bad += 1;
  return { lines, bad, badBytes: buffer.length - sumBytes(lines), wholeBytes: start, torn: start < buffer.length };
}

const sumBytes = (lines) => lines.reduce((sum, line) => sum + line.bytes, 0);

export class DiskQueue {
  constructor({ dir, maxBytes, segmentBytes = 1024 * 1024 }) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.min(segmentBytes, maxBytes);
    /** Oldest first: { seq, size (on disk), count (records), pending (uncommitted bytes), lines (once loaded) }. */
    this.segments = [];
    this.headIndex = 0; // records of segments[0] already committed
    this.nextSeq = 1; // of the next segment file
    this.stream = null;
    this.nextRecordSeq = 1;
    this.committedSeq = 0;
    /** Committed segments not yet deleted, because the cursor could not be written. */
    this.unlinked = [];
    this.diskBytes = 0;
    this.dropCount = { records: 0, bytes: 0 };
    this.lastError = null;
    this.recover();
  }

  path(name) {
    return path.join(this.dir, typeof name === "number" ? `q-${String(name).padStart(12, "0")}.jsonl` : name);
  }

  attempt(action) {
    try {
      action();
    } catch (error) {
      this.lastError = error;
    }
  }

  drop(records, bytes, error) {
    this.dropCount.records += records;
    this.dropCount.bytes += bytes;
    if (error) this.lastError = error;
  }

  recover() {
    let cursor = {};
    try {
      cursor = JSON.parse(fs.readFileSync(this.path("cursor.json"), "utf8"));
    } catch {} // none yet, or torn: the oldest segment is sent again from its start
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const seqs = fs
        .readdirSync(this.dir)
        .flatMap((name) => SEGMENT_FILE.exec(name)?.slice(1, 2) ?? [])
        .map(Number);
      seqs.sort((a, b) => a - b);
      this.nextSeq = (seqs.at(-1) ?? 0) + 1;
      this.recoverStream(cursor);
      for (const seq of seqs) {
        const { lines, bad, badBytes, wholeBytes, torn } = parseSegment(fs.readFileSync(this.path(seq)));
        this.drop(bad, badBytes);
        // Cut a torn last line so the next append starts a line of its own.
        if (torn) fs.truncateSync(this.path(seq), wholeBytes);
        const lastSeq = lines.at(-1)?.record?.seq;
        if (Number.isSafeInteger(lastSeq) && lastSeq >= this.nextRecordSeq) this.nextRecordSeq = lastSeq + 1;
        const skip = this.segments.length === 0 && cursor.seq === seq ? Math.min(cursor.index, lines.length) : 0;
        if (skip === lines.length) {
          fs.rmSync(this.path(seq), { force: true });
          continue;
        }
        if (this.segments.length === 0) this.headIndex = skip;
        this.segments.push({ seq, size: wholeBytes, count: lines.length, pending: sumBytes(lines.slice(skip)), lines: null });
        this.diskBytes += wholeBytes;
      }
    } catch (error) {
      this.lastError = error;
    }
    this.stream ??= randomUUID(); // the folder could not be read: a stream of this run only
  }

  /** The stream id from stream.json, or a new one; the next seq continues after the cursor's last committed one. */
  recoverStream(cursor) {
    try {
      const saved = JSON.parse(fs.readFileSync(this.path("stream.json"), "utf8"));
      if (typeof saved?.stream === "string" && saved.stream.length > 0) this.stream = saved.stream;
    } catch {} // none yet, or unreadable: a new stream
    if (this.stream && cursor.stream === this.stream && Number.isSafeInteger(cursor.lastSeq) && cursor.lastSeq >= 0) {
      this.committedSeq = cursor.lastSeq;
      this.nextRecordSeq = cursor.lastSeq + 1;
    }
    if (this.stream) return;
    this.stream = randomUUID();
    this.attempt(() => {
      fs.writeFileSync(this.path("stream.tmp"), JSON.stringify({ stream: this.stream }));
      fs.renameSync(this.path("stream.tmp"), this.path("stream.json"));
    });
  }

  /** Appends one record; false (and counted in `dropped`) when it does not fit or cannot be written. */
  push(record) {
    return this.pushAll([record]) === 1;
  }

  /**
   * Appends records in order, one write per segment they land in (a request's records are one
   * write, not one each); returns how many were queued. What does not fit is dropped and counted.
   */
  pushAll(records) {
    let queued = 0;
    let chunk = null; // { tail, fresh, text, lines, bytes }
    const write = () => {
      if (!chunk) return;
      const { tail, fresh } = chunk;
      try {
        fs.appendFileSync(this.path(tail.seq), chunk.text);
      } catch (error) {
        // A partial write would glue onto the next line: cut the file back to what it held.
        this.attempt(() => fs.truncateSync(this.path(tail.seq), tail.size));
        this.drop(chunk.lines.length, chunk.bytes, error);
        chunk = null;
        return;
      }
      if (fresh) {
        this.segments.push(tail);
        this.nextSeq += 1;
      }
      tail.size += chunk.bytes;
      tail.count += chunk.lines.length;
      tail.pending += chunk.bytes;
      tail.lines?.push(...chunk.lines);
      this.diskBytes += chunk.bytes;
      queued += chunk.lines.length;
      chunk = null;
    };
    for (const given of records) {
      const record = { ...given, seq: this.nextRecordSeq };
      const line = `${JSON.stringify(record)}\n`;
      const bytes = Buffer.byteLength(line);
      const planned = chunk ? chunk.bytes : 0;
      if (bytes > this.segmentBytes || this.diskBytes + planned + bytes > this.maxBytes) {
        this.drop(1, bytes);
        continue;
      }
      // Taken even if the write then fails: a gap in the seqs is harmless, a seq used twice is not.
      this.nextRecordSeq += 1;
      const last = chunk ? chunk.tail : this.segments.at(-1);
      const used = (last?.size ?? 0) + (chunk && chunk.tail === last ? chunk.bytes : 0);
      if (!last || used + bytes > this.segmentBytes) {
        write();
        chunk = {
          tail: { seq: this.nextSeq, size: 0, count: 0, pending: 0, lines: [] },
          fresh: true,
          text: "",
          lines: [],
          bytes: 0,
        };
      } else if (!chunk) {
        chunk = { tail: last, fresh: false, text: "", lines: [], bytes: 0 };
      }
      chunk.text += line;
      chunk.bytes += bytes;
      // Kept as given (plain JSON values), not parsed back from the line: this is the hot path.
      chunk.lines.push({ record, bytes });
    }
    write();
    return queued;
  }

  /** A segment's records; records the file no longer yields (EIO, removed) are counted as dropped. */
  load(index) {
    const segment = this.segments[index];
    if (segment.lines) return segment.lines;
    let lines = [];
    this.attempt(() => (lines = parseSegment(fs.readFileSync(this.path(segment.seq))).lines));
    const pending = sumBytes(lines.slice(index === 0 ? this.headIndex : 0));
    this.drop(Math.max(0, segment.count - lines.length), Math.max(0, segment.pending - pending));
    Object.assign(segment, { lines, count: lines.length, pending });
    return lines;
  }

  /**
   * The oldest queued records, left in place: at most `maxRecords` and `maxBytes` (JSON line
   * bytes), but at least one when the queue is not empty, so one record larger than `maxBytes`
   * cannot block the queue. Call commit(n) once n of them are delivered.
   */
  peek(maxRecords = Infinity, maxBytes = Infinity) {
    const records = [];
    let bytes = 0;
    for (let s = 0; s < this.segments.length; s++) {
      const lines = this.load(s);
      for (let i = s === 0 ? this.headIndex : 0; i < lines.length; i++) {
        if (records.length >= maxRecords || (records.length > 0 && bytes + lines[i].bytes > maxBytes)) return { records, bytes };
        records.push(lines[i].record);
        bytes += lines[i].bytes;
      }
    }
    return { records, bytes };
  }

  /** Removes the first `count` records (those a peek returned); finished segments are deleted. */
  commit(count) {
    let left = count;
    const finished = [];
    while (left > 0 && this.segments.length > 0) {
      const lines = this.load(0);
      const head = this.segments[0];
      const n = Math.min(left, lines.length - this.headIndex);
      head.pending -= sumBytes(lines.slice(this.headIndex, this.headIndex + n));
      const lastSeq = lines[this.headIndex + n - 1]?.record?.seq;
      if (Number.isSafeInteger(lastSeq) && lastSeq > this.committedSeq) this.committedSeq = lastSeq;
      this.headIndex += n;
      left -= n;
      if (this.headIndex < lines.length) break;
      finished.push(head.seq);
      this.diskBytes -= head.size;
      this.segments.shift();
      this.headIndex = 0;
    }
    // The cursor first: should it fail, the finished segments stay on disk until a cursor write
    // succeeds, so a restart still sees their seqs (and sends them again; the console drops them).
    this.unlinked.push(...finished);
    try {
      const cursor = { seq: this.segments[0]?.seq, index: this.headIndex, stream: this.stream, lastSeq: this.committedSeq };
      fs.writeFileSync(this.path("cursor.tmp"), JSON.stringify(cursor));
      fs.renameSync(this.path("cursor.tmp"), this.path("cursor.json"));
    } catch (error) {
      this.lastError = error;
      return;
    }
    for (const seq of this.unlinked.splice(0)) this.attempt(() => fs.rmSync(this.path(seq), { force: true }));
  }

  /** Bytes (JSON lines) of the records still queued; the files may hold up to a segment more. */
  get bytes() {
    return this.segments.reduce((sum, segment) => sum + segment.pending, 0);
  }

  get records() {
    return this.segments.reduce((sum, segment) => sum + segment.count, 0) - this.headIndex;
  }

  get dropped() {
    return { ...this.dropCount };
  }

  /** Frees the loaded records; the files stay for the next instance. */
  close() {
    for (const segment of this.segments) segment.lines = null;
  }
}
