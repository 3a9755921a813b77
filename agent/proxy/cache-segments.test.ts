// The cache-mode writer (R18) on a real temp directory: the files on disk never exceed the cap.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CacheSegments } from "@/agent/proxy/cache-segments.mjs";

let root: string;
let dir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "pac-cache-"));
  dir = path.join(root, "log", "cache");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const onDisk = () => fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
const numbersIn = (name: string) =>
  fs
    .readFileSync(path.join(dir, name), "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { n: number }).n);
const record = (n: number) => ({ type: "login_logs", n, data: { user: "root", host: "10.0.0.1" } });

describe("CacheSegments", () => {
  it("writes 5× the cap without ever holding more than the cap; newest in export.log, oldest gone", () => {
    const cache = new CacheSegments({ dir, maxBytes: 4000, segments: 4 });
    const line = Buffer.byteLength(`${JSON.stringify(record(100))}\n`);
    let n = 0;
    for (let written = 0; written < 5 * 4000; written += line) {
      expect(cache.write(record(n++))).toBe(true);
      if (n % 7 === 0) expect(onDisk()).toBeLessThanOrEqual(4000);
    }
    expect(onDisk()).toBeLessThanOrEqual(4000);
    expect(onDisk()).toBe(cache.bytes);
    expect(fs.readdirSync(dir).sort()).toEqual(["export.log", "export.log.1", "export.log.2", "export.log.3"]);
    const live = numbersIn("export.log");
    expect(live.at(-1)).toBe(n - 1);
    // Each rotated file is older than the one before it, and the first records are gone.
    expect(numbersIn("export.log.1").at(-1)).toBe(live[0]! - 1);
    expect(numbersIn("export.log.3").at(-1)).toBeLessThan(numbersIn("export.log.2")[0]!);
    expect(numbersIn("export.log.3")[0]).toBeGreaterThan(0);
    expect(cache.dropped).toEqual({ records: 0, bytes: 0 });
  });

  it("drops and counts a line larger than a segment", () => {
    const cache = new CacheSegments({ dir, maxBytes: 400, segments: 4 });
    expect(cache.write({ pad: "x".repeat(100) })).toBe(false);
    expect(cache.dropped.records).toBe(1);
    expect(cache.dropped.bytes).toBeGreaterThan(100);
    expect(cache.write({ n: 1 })).toBe(true);
  });

  it("keeps the total right across a restart and a lowered cap", () => {
    const first = new CacheSegments({ dir, maxBytes: 4000 });
    for (let n = 0; n < 200; n++) first.write(record(n));
    first.close();
    const second = new CacheSegments({ dir, maxBytes: 4000 });
    expect(second.bytes).toBe(onDisk());
    for (let n = 200; n < 260; n++) second.write(record(n));
    expect(onDisk()).toBeLessThanOrEqual(4000);
    second.setCap(1500);
    expect(onDisk()).toBeLessThanOrEqual(1500);
    for (let n = 260; n < 300; n++) {
      second.write(record(n));
      expect(onDisk()).toBeLessThanOrEqual(1500);
    }
    expect(numbersIn("export.log").at(-1)).toBe(299);
  });

  it("removes rotated files beyond a smaller segment count", () => {
    const first = new CacheSegments({ dir, maxBytes: 4000, segments: 8 });
    for (let n = 0; n < 200; n++) first.write(record(n));
    const second = new CacheSegments({ dir, maxBytes: 4000, segments: 2 });
    expect(fs.readdirSync(dir).sort()).toEqual(["export.log", "export.log.1"]);
    expect(second.bytes).toBe(onDisk());
  });

  it("counts drops without throwing when the directory cannot be created", () => {
    fs.writeFileSync(path.join(root, "log"), "a file where the directory should be");
    const cache = new CacheSegments({ dir, maxBytes: 4000 });
    expect(cache.write(record(1))).toBe(false);
    expect(cache.write(record(2))).toBe(false);
    expect(cache.dropped.records).toBe(2);
    expect(cache.lastError?.code).toBe("ENOTDIR");
    expect(cache.bytes).toBe(0);
  });
});
