// Data the client agent collects on its own Linux host (the R18 data types): new TCP
// connections, new processes and logins. Each collector is a pure parser plus a thin reader that
// remembers what it has reported. A call returns at most MAX_RECORDS records (the excess is
// counted in `dropped`) and never throws: it returns [] and keeps the reason as `lastError`.
import fs from "node:fs";
import path from "node:path";

export const MAX_RECORDS = 200;

// Linux include/net/tcp_states.h, as /proc/net/tcp prints them (hex).
const TCP_STATES = " ESTABLISHED SYN_SENT SYN_RECV FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSE CLOSE_WAIT LAST_ACK LISTEN CLOSING".split(
  " ",
);

/** RFC 5952 text of 16 bytes (the URL parser compresses), IPv4-mapped ones dotted. */
function formatIpv6(bytes) {
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.subarray(12).join(".")}`;
  }
  const groups = [0, 2, 4, 6, 8, 10, 12, 14].map((i) => bytes.readUInt16BE(i).toString(16));
  return new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1);
}

/** "0100007F:1F90" → "127.0.0.1:8080": the kernel prints each 32-bit word in host (little-endian) order. */
function parseSocketAddress(text, family) {
  const [hex, port] = text.split(":");
  if (!/^[0-9A-Fa-f]+$/.test(hex ?? "") || hex.length !== (family === 6 ? 32 : 8) || !port) return null;
  const bytes = Buffer.concat(hex.match(/.{8}/g).map((word) => Buffer.from(word, "hex").reverse()));
  return family === 6 ? `[${formatIpv6(bytes)}]:${parseInt(port, 16)}` : `${bytes.join(".")}:${parseInt(port, 16)}`;
}

/** Every socket row of /proc/net/tcp (family 4) or /proc/net/tcp6 (family 6), with its state named. */
export function parseProcNetTcp(text, family = 4) {
  const rows = [];
  for (const line of text.split("\n").slice(1)) {
    const [, localText, remoteText, stateHex] = line.trim().split(/\s+/);
    const local = parseSocketAddress(localText ?? "", family);
    const remote = parseSocketAddress(remoteText ?? "", family);
    if (local && remote) rows.push({ local, remote, state: TCP_STATES[parseInt(stateHex, 16)] || stateHex });
  }
  return rows;
}

/** The common shell: the cap, the drop counter, and no exception ever leaves collect(). */
function guarded(gather) {
  const self = {
    lastError: null,
    dropped: 0,
    collect() {
      try {
        const records = gather(self);
        self.dropped += Math.max(0, records.length - MAX_RECORDS);
        return records.slice(0, MAX_RECORDS);
      } catch (error) {
        self.lastError = error;
        return [];
      }
    },
  };
  return self;
}

/** Established connections that appeared since the previous call (the first call: all of them). */
export function createNetworkCollector({ readFile = fs.readFileSync, now = () => new Date() } = {}) {
  let previous = new Set();
  return guarded(() => {
    const current = new Map();
    for (const family of [4, 6]) {
      let text;
      try {
        text = String(readFile(family === 4 ? "/proc/net/tcp" : "/proc/net/tcp6", "utf8"));
      } catch (error) {
        if (family === 4 || error.code !== "ENOENT") throw error; // no tcp6 on a host without IPv6
        continue;
      }
      for (const row of parseProcNetTcp(text, family)) {
        if (row.state === "ESTABLISHED")
          current.set(`${row.local} ${row.remote}`, { local: row.local, remote: row.remote, family });
      }
    }
    const at = now().toISOString();
    const fresh = [...current].filter(([key]) => !previous.has(key));
    previous = new Set(current.keys());
    return fresh.map(([, data]) => ({ type: "network_logs", at, data }));
  });
}

/**
 * Processes started since the previous call. The first call only takes a baseline: what already
 * runs did not start now, and reporting it would flood the console with every daemon of the
 * host, at the wrong time, on each agent restart. Kernel threads (empty cmdline) are skipped.
 */
export function createProcessCollector({ procDir = "/proc", fs: files = fs, now = () => new Date() } = {}) {
  let known = null;
  return guarded((self) => {
    const pids = files.readdirSync(procDir).filter((name) => /^\d+$/.test(name));
    const fresh = known ? pids.filter((pid) => !known.has(pid)) : [];
    known = new Set(pids);
    self.dropped += Math.max(0, fresh.length - MAX_RECORDS);
    const at = now().toISOString();
    return fresh.slice(0, MAX_RECORDS).flatMap((pid) => {
      try {
        const read = (name) => String(files.readFileSync(path.join(procDir, pid, name), "utf8"));
        const comm = read("comm").trim();
        const cmdline = read("cmdline").replace(/\0+$/, "").replaceAll("\0", " ").slice(0, 256);
        return cmdline ? [{ type: "process_logs", at, data: { pid: Number(pid), comm, cmdline } }] : [];
      } catch {
        return []; // it exited between the listing and the read
      }
    });
  });
}

const UTMP_RECORD = 384;
const USER_PROCESS = 7;

function cString(buffer, start, length) {
  const field = buffer.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.toString("utf8", 0, end === -1 ? length : end);
}

/** ut_addr_v6: an IPv4 address is the first word (network order) and zeros; all zeros is none. */
function utmpAddress(bytes) {
  if (bytes.every((b) => b === 0)) return null;
  return bytes.subarray(4).every((b) => b === 0) ? bytes.subarray(0, 4).join(".") : formatIpv6(bytes);
}

/** Records of a utmp/wtmp file (glibc x86_64 layout, 384 bytes each); a trailing partial one is ignored. */
export function parseUtmp(buffer) {
  const records = [];
  for (let o = 0; o + UTMP_RECORD <= buffer.length; o += UTMP_RECORD) {
    records.push({
      type: buffer.readInt32LE(o),
      pid: buffer.readInt32LE(o + 4),
      line: cString(buffer, o + 8, 32),
      id: cString(buffer, o + 40, 4),
      user: cString(buffer, o + 44, 32),
      host: cString(buffer, o + 76, 256),
      session: buffer.readInt32LE(o + 336),
      at: new Date(buffer.readInt32LE(o + 340) * 1000 + Math.floor(buffer.readInt32LE(o + 344) / 1000)).toISOString(),
      address: utmpAddress(buffer.subarray(o + 348, o + 364)),
    });
  }
  return records;
}

/**
 * Logins (USER_PROCESS records) appended to wtmp since the previous call; the first call starts
 * at the end of the file. A new inode or a shorter file (logrotate) is read from its start.
 * Past MAX_RECORDS logins the offset stops, so the rest come with the next call, not dropped.
 */
export function createLoginCollector({ wtmpPath = "/var/log/wtmp", fs: files = fs } = {}) {
  let offset = null;
  let inode = null;
  return guarded(() => {
    let stat;
    try {
      stat = files.statSync(wtmpPath);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      offset ??= 0; // when it appears, all of it is new
      return [];
    }
    if (offset === null) offset = stat.size - (stat.size % UTMP_RECORD);
    else if (stat.ino !== inode || stat.size < offset) offset = 0;
    inode = stat.ino;
    const length = Math.min(stat.size - offset, 1000 * UTMP_RECORD);
    const buffer = Buffer.alloc(length - (length % UTMP_RECORD));
    const fd = files.openSync(wtmpPath, "r");
    try {
      files.readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      files.closeSync(fd);
    }
    const records = [];
    for (const entry of parseUtmp(buffer)) {
      if (records.length === MAX_RECORDS) break;
      offset += UTMP_RECORD;
      if (entry.type !== USER_PROCESS) continue;
      records.push({ type: "login_logs", at: entry.at, data: { user: entry.user, line: entry.line, host: entry.host } });
    }
    return records;
  });
}
