// CPU and memory of processes from /proc, for the benchmarks: CPU as percent of one core over a
// window (utime + stime ticks), RSS from status. Linux only.
import { readdirSync, readFileSync } from "node:fs";

const TICKS = 100; // USER_HZ on Linux

function ticksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) / 1024;
}

/** Pids whose command line matches, among the children (any depth) of `root` or a process group. */
export function findPids(match: (cmdline: string) => boolean, group?: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const pgid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group !== undefined && pgid !== group) continue;
      if (match(readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " "))) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** A process and its children (one level: a postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return [pid, ...children];
}

/** Starts a CPU window over `pids`; `end()` gives percent of one core since, over the pids alive at both ends. */
export function cpuWindow(pids: number[]) {
  const read = (p: number) => {
    try {
      return ticksOf(p);
    } catch {
      return null;
    }
  };
  const start = new Map(pids.map((p) => [p, read(p)] as const));
  const t0 = performance.now();
  return {
    end: () => {
      let ticks = 0;
      for (const [p, before] of start) {
        const after = read(p);
        if (before !== null && after !== null) ticks += after - before;
      }
      return (ticks / TICKS / ((performance.now() - t0) / 1000)) * 100;
    },
  };
}
