// The cache-mode writer (R18): records of the policy's data types go to `<dir>/export.log` as
// JSON lines, in rotating segments whose total never exceeds the cap; the oldest go first.
//
// export.log is the live segment, export.log.1 … export.log.<segments-1> the older ones. When a
// line would take export.log past maxBytes/segments, the oldest file is deleted and each one
// renamed a step up (the logrotate naming that operators already read). Each file stays within a
// segment, so the total stays within the cap; a single line larger than a segment is dropped.
// Writes are synchronous and unbuffered; every refusal or error (ENOSPC, EACCES) is counted in
// `dropped` and kept as `lastError`, never thrown.
import fs from "node:fs";
import path from "node:path";

const ROTATED_FILE = /^export\.log\.(\d+)$/;

export class CacheSegments {
  constructor({ dir, maxBytes, segments = 4 }) {
    this.dir = dir;
    this.segments = Math.max(1, Math.floor(segments));
    this.sizes = []; // sizes[0]: export.log, sizes[k]: export.log.k
    this.dropCount = { records: 0, bytes: 0 };
    this.lastError = null;
    this.dirReady = false;
    this.measure();
    this.removeSurplusFiles();
    this.setCap(maxBytes);
  }

  file(k) {
    return path.join(this.dir, k === 0 ? "export.log" : `export.log.${k}`);
  }

  /** Sizes of the files on disk, so a restart (or a failed rotation) keeps the total right. */
  measure() {
    for (let k = 0; k < this.segments; k++) {
      try {
        this.sizes[k] = fs.statSync(this.file(k)).size;
      } catch {
        this.sizes[k] = 0;
      }
    }
  }

  /** Rotated files past the segment count (a config with more segments) would sit outside the cap. */
  removeSurplusFiles() {
    try {
      for (const name of fs.readdirSync(this.dir)) {
        if (Number(ROTATED_FILE.exec(name)?.[1]) >= this.segments) fs.rmSync(path.join(this.dir, name), { force: true });
      }
    } catch (error) {
      if (error.code !== "ENOENT") this.lastError = error;
    }
  }

  /** A new cap applies at once: the oldest files are deleted until the rest fits. */
  setCap(maxBytes) {
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.floor(maxBytes / this.segments);
    try {
      this.trimTo(maxBytes);
    } catch (error) {
      this.lastError = error;
      this.measure();
    }
  }

  trimTo(limit) {
    for (let k = this.segments - 1; k >= 0 && this.bytes > limit; k--) this.remove(k);
  }

  remove(k) {
    fs.rmSync(this.file(k), { force: true });
    this.sizes[k] = 0;
  }

  rotate() {
    this.remove(this.segments - 1);
    for (let k = this.segments - 2; k >= 0; k--) {
      if (!fs.existsSync(this.file(k))) continue;
      fs.renameSync(this.file(k), this.file(k + 1));
      this.sizes[k + 1] = this.sizes[k];
      this.sizes[k] = 0;
    }
  }

  /** Appends one record to export.log; false (counted in `dropped`) when refused or not written. */
  write(record) {
    const line = `${JSON.stringify(record)}\n`;
    const bytes = Buffer.byteLength(line);
    if (bytes > this.segmentBytes) {
      this.drop(bytes);
      return false;
    }
    try {
      if (!this.dirReady) fs.mkdirSync(this.dir, { recursive: true });
      this.dirReady = true;
      if (this.sizes[0] + bytes > this.segmentBytes) this.rotate();
      // Only after a lowered cap can older files still be larger than the new segment size.
      this.trimTo(this.maxBytes - bytes);
      fs.appendFileSync(this.file(0), line);
      this.sizes[0] += bytes;
      return true;
    } catch (error) {
      this.dirReady = false; // the directory may have been removed: create it again next time
      try {
        fs.truncateSync(this.file(0), this.sizes[0]); // a partial line would glue onto the next one
      } catch {}
      this.measure();
      this.drop(bytes, error);
      return false;
    }
  }

  drop(bytes, error) {
    this.dropCount.records += 1;
    this.dropCount.bytes += bytes;
    if (error) this.lastError = error;
  }

  /** Bytes on disk: export.log plus the rotated files. */
  get bytes() {
    return this.sizes.reduce((sum, size) => sum + size, 0);
  }

  get dropped() {
    return { ...this.dropCount };
  }

  /** Nothing is buffered (each write is appended at once); here so every writer closes alike. */
  close() {}
}
