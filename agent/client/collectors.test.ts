// The host data collectors: parsers on fixed samples, readers on a fake /proc and once on the real one.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLoginCollector,
  createNetworkCollector,
  createProcessCollector,
  parseProcNetTcp,
  parseUtmp,
} from "@/agent/client/collectors.mjs";

const TAIL = "00000000:00000000 00:00000000 00000000  1000        0 12345 1 0000000000000000 100 0 0 10 0";
const PROC_NET_TCP = [
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
  `   0: 0100007F:1F90 00000000:0000 0A ${TAIL}`,
  `   1: 0500000A:C350 0600000A:1F90 01 ${TAIL}`,
  "",
].join("\n");
const PROC_NET_TCP6 = [
  "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
  `   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A ${TAIL}`,
  `   1: 000080FE00000000FF57A6705DC771FE:0016 000000FD000000000000000005000000:D2B4 01 ${TAIL}`,
  `   2: 0000000000000000FFFF00000500000A:1F90 0000000000000000FFFF00000700000A:E000 06 ${TAIL}`,
  "",
].join("\n");

describe("parseProcNetTcp", () => {
  it("decodes little-endian IPv4 words, hex ports and states", () => {
    expect(parseProcNetTcp(PROC_NET_TCP, 4)).toEqual([
      { local: "127.0.0.1:8080", remote: "0.0.0.0:0", state: "LISTEN" },
      { local: "10.0.0.5:50000", remote: "10.0.0.6:8080", state: "ESTABLISHED" },
    ]);
  });

  it("decodes IPv6 as four little-endian words, compressed, IPv4-mapped dotted", () => {
    expect(parseProcNetTcp(PROC_NET_TCP6, 6)).toEqual([
      { local: "[::1]:8080", remote: "[::]:0", state: "LISTEN" },
      { local: "[fe80::70a6:57ff:fe71:c75d]:22", remote: "[fd00::5]:53940", state: "ESTABLISHED" },
      { local: "[::ffff:10.0.0.5]:8080", remote: "[::ffff:10.0.0.7]:57344", state: "TIME_WAIT" },
    ]);
  });

  it("skips lines it cannot read", () => {
    expect(parseProcNetTcp("header\ngarbage\n   0: XYZ:1 00000000:0000 01\n", 4)).toEqual([]);
  });
});

describe("createNetworkCollector", () => {
  it("reports established connections once: all at first, then the new ones", () => {
    const files: Record<string, string> = { "/proc/net/tcp": PROC_NET_TCP, "/proc/net/tcp6": PROC_NET_TCP6 };
    const readFile = (file: string) => files[file] ?? "";
    const collector = createNetworkCollector({ readFile, now: () => new Date("2026-01-02T03:04:05Z") });
    expect(collector.collect()).toEqual([
      {
        type: "network_logs",
        at: "2026-01-02T03:04:05.000Z",
        data: { local: "10.0.0.5:50000", remote: "10.0.0.6:8080", family: 4 },
      },
      {
        type: "network_logs",
        at: "2026-01-02T03:04:05.000Z",
        data: { local: "[fe80::70a6:57ff:fe71:c75d]:22", remote: "[fd00::5]:53940", family: 6 },
      },
    ]);
    expect(collector.collect()).toEqual([]);
    files["/proc/net/tcp"] += `   2: 0500000A:C351 0800000A:0050 01 ${TAIL}\n`;
    expect(collector.collect().map((r) => r.data.remote)).toEqual(["10.0.0.8:80"]);
  });

  it("caps a call at 200, works without tcp6, and never throws", () => {
    const lines = Array.from({ length: 250 }, (_, i) => `${i}: 0500000A:${(1000 + i).toString(16)} 0600000A:1F90 01 ${TAIL}`);
    const collector = createNetworkCollector({
      readFile: (file: string) => {
        if (file.endsWith("6")) throw Object.assign(new Error("no IPv6"), { code: "ENOENT" });
        return ["header", ...lines].join("\n");
      },
    });
    expect(collector.collect()).toHaveLength(200);
    expect(collector.dropped).toBe(50);
    const broken = createNetworkCollector({
      readFile: () => {
        throw Object.assign(new Error("denied"), { code: "EACCES" });
      },
    });
    expect(broken.collect()).toEqual([]);
    expect(broken.lastError).toBeInstanceOf(Error);
    expect(Array.isArray(createNetworkCollector().collect())).toBe(true);
  });
});

describe("createProcessCollector", () => {
  let procDir: string;
  beforeEach(() => {
    procDir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-proc-"));
  });
  afterEach(() => fs.rmSync(procDir, { recursive: true, force: true }));

  const addProcess = (pid: number | string, comm?: string, cmdline?: string) => {
    fs.mkdirSync(path.join(procDir, String(pid)));
    if (comm !== undefined) fs.writeFileSync(path.join(procDir, String(pid), "comm"), `${comm}\n`);
    if (cmdline !== undefined) fs.writeFileSync(path.join(procDir, String(pid), "cmdline"), cmdline);
  };

  it("takes a baseline first, then reports new processes, skipping vanished ones and kernel threads", () => {
    addProcess(1, "systemd", "/sbin/init\0");
    addProcess("self");
    const collector = createProcessCollector({ procDir, now: () => new Date("2026-01-02T03:04:05Z") });
    expect(collector.collect()).toEqual([]);
    addProcess(300, "nginx", "nginx\0-g\0daemon off;\0");
    addProcess(301); // exited before its files were read
    addProcess(302, "kworker/0:1", "");
    addProcess(303, "python3", `python3\0${"x".repeat(1000)}\0`);
    const records = collector.collect();
    expect(records.map((r) => r.data.pid)).toEqual([300, 303]);
    expect(records[0]).toEqual({
      type: "process_logs",
      at: "2026-01-02T03:04:05.000Z",
      data: { pid: 300, comm: "nginx", cmdline: "nginx -g daemon off;" },
    });
    expect(records[1]!.data.cmdline).toHaveLength(256);
    expect(collector.collect()).toEqual([]);
    expect(collector.lastError).toBeNull();
  });

  it("never throws, even when the directory is missing", () => {
    const collector = createProcessCollector({ procDir: path.join(procDir, "missing") });
    expect(collector.collect()).toEqual([]);
    expect(collector.lastError).toBeInstanceOf(Error);
  });

  it("sees a process started on the real /proc", async () => {
    const collector = createProcessCollector();
    expect(collector.collect()).toEqual([]);
    const child = spawn("sleep", ["5"]);
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const records = collector.collect();
      expect(records.some((r) => r.data.pid === child.pid && r.data.cmdline === "sleep 5")).toBe(true);
      expect(collector.lastError).toBeNull();
    } finally {
      child.kill();
    }
  });
});

type Login = { type: number; user?: string; line?: string; host?: string; sec?: number; addr?: number[] };
function utmpRecord({ type, user = "", line = "", host = "", sec = 1_700_000_000, addr = [] }: Login) {
  const buffer = Buffer.alloc(384);
  buffer.writeInt32LE(type, 0);
  buffer.writeInt32LE(4242, 4);
  buffer.write(line, 8);
  buffer.write("ts/0", 40);
  buffer.write(user, 44);
  buffer.write(host, 76);
  buffer.writeInt32LE(77, 336);
  buffer.writeInt32LE(sec, 340);
  buffer.writeInt32LE(250_000, 344);
  Buffer.from(addr).copy(buffer, 348);
  return buffer;
}

describe("parseUtmp", () => {
  it("reads the glibc x86_64 fields and ignores a partial record", () => {
    const buffer = Buffer.concat([
      utmpRecord({ type: 7, user: "alice", line: "pts/0", host: "10.0.0.9", addr: [10, 0, 0, 9] }),
      utmpRecord({ type: 8, line: "pts/0", addr: [0xfd, 0, ...Array(13).fill(0), 5] }),
      Buffer.alloc(100),
    ]);
    expect(parseUtmp(buffer)).toEqual([
      {
        type: 7,
        pid: 4242,
        line: "pts/0",
        id: "ts/0",
        user: "alice",
        host: "10.0.0.9",
        session: 77,
        at: "2023-11-14T22:13:20.250Z",
        address: "10.0.0.9",
      },
      {
        type: 8,
        pid: 4242,
        line: "pts/0",
        id: "ts/0",
        user: "",
        host: "",
        session: 77,
        at: "2023-11-14T22:13:20.250Z",
        address: "fd00::5",
      },
    ]);
    expect(parseUtmp(Buffer.alloc(0))).toEqual([]);
  });
});

describe("createLoginCollector", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-wtmp-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reports USER_PROCESS records appended since the previous call, starting at the end", () => {
    const wtmpPath = path.join(dir, "wtmp");
    fs.writeFileSync(wtmpPath, utmpRecord({ type: 7, user: "old" }));
    const collector = createLoginCollector({ wtmpPath });
    expect(collector.collect()).toEqual([]);
    fs.appendFileSync(
      wtmpPath,
      Buffer.concat([utmpRecord({ type: 7, user: "bob", line: "pts/1", host: "jump" }), utmpRecord({ type: 8 })]),
    );
    expect(collector.collect()).toEqual([
      { type: "login_logs", at: "2023-11-14T22:13:20.250Z", data: { user: "bob", line: "pts/1", host: "jump" } },
    ]);
    expect(collector.collect()).toEqual([]);
    // Rotated: a new, shorter file is read from its start.
    fs.rmSync(wtmpPath);
    expect(collector.collect()).toEqual([]);
    fs.writeFileSync(wtmpPath, utmpRecord({ type: 7, user: "carol" }));
    expect(collector.collect().map((r) => r.data.user)).toEqual(["carol"]);
    expect(collector.lastError).toBeNull();
  });

  it("caps a call at 200 and leaves the rest for the next call", () => {
    const wtmpPath = path.join(dir, "wtmp");
    const collector = createLoginCollector({ wtmpPath });
    expect(collector.collect()).toEqual([]); // missing: nothing, and everything it later holds is new
    fs.writeFileSync(wtmpPath, Buffer.concat(Array.from({ length: 250 }, (_, i) => utmpRecord({ type: 7, user: `u${i}` }))));
    expect(collector.collect()).toHaveLength(200);
    expect(collector.collect().map((r) => r.data.user)).toEqual(Array.from({ length: 50 }, (_, i) => `u${i + 200}`));
    expect(collector.dropped).toBe(0);
  });
});
