// HAProxy in front of several console instances, for benches (issue 16): the configuration of
// deploy/haproxy.cfg with the given port and backends, in a temp folder, run by Debian's
// haproxy in the foreground. The bench installs nothing: without haproxy it stops with the
// command that installs it.
import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../simulator/own-console";
import { logTail, stopProcess } from "./console-process";

export const HAPROXY_MISSING = "haproxy is not installed: run  sudo apt-get install -y haproxy";

export type HaproxyOptions = {
  /** The frontend's port. */
  port: number;
  /** host:port of each console instance. */
  backends: string[];
  healthPath?: string;
  /** Address the frontend binds (default 127.0.0.1; "" for every interface). */
  host?: string;
};

export type Haproxy = {
  url: string;
  /** How many backends HAProxy's health checks hold up right now. */
  backendsUp: () => Promise<number>;
  logFile: string;
  close: () => Promise<void>;
};

/** PATH, and /usr/sbin where Debian puts it (a non-root PATH often lacks it). */
export function haproxySearchPath(): string[] {
  return [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/sbin"].filter(Boolean);
}

export function findHaproxy(dirs: string[] = haproxySearchPath()): string | null {
  for (const dir of dirs) {
    const file = path.join(dir, "haproxy");
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** The directives of deploy/haproxy.cfg (without its comments) for these backends. */
export function haproxyConfig(options: HaproxyOptions): string {
  const servers = options.backends.map((b, i) => `    server console${i + 1} ${b} check`);
  return [
    "global",
    "    log stdout format raw local0 info",
    "    maxconn 4000",
    "",
    "defaults",
    "    mode http",
    "    log global",
    "    option httplog",
    "    option dontlognull",
    "    option redispatch",
    "    retries 2",
    "    timeout connect 5s",
    "    timeout client 60s",
    "    timeout server 60s",
    "    timeout http-request 10s",
    "    timeout http-keep-alive 10s",
    "    timeout queue 30s",
    "    timeout check 3s",
    "",
    "frontend console",
    `    bind ${options.host ?? "127.0.0.1"}:${options.port}`,
    "    http-request del-header X-Forwarded-For",
    "    option forwardfor",
    "    default_backend consoles",
    "",
    "backend consoles",
    "    balance roundrobin",
    `    option httpchk GET ${options.healthPath ?? "/api/health"}`,
    "    http-check expect status 200",
    "    default-server inter 2s fall 3 rise 2",
    ...servers,
    "",
  ].join("\n");
}

/** HAProxy's own statistics as CSV: one row per server, the status in the "status" column. */
async function serversUp(statsUrl: string): Promise<number> {
  const csv = await (await fetch(statsUrl, { signal: AbortSignal.timeout(2000) })).text();
  const [header, ...rows] = csv.split("\n").filter(Boolean);
  const columns = header!.replace(/^# /, "").split(",");
  const [px, sv, status] = ["pxname", "svname", "status"].map((c) => columns.indexOf(c));
  return rows
    .map((r) => r.split(","))
    .filter((r) => r[px!] === "consoles" && r[sv!] !== "BACKEND")
    .filter((r) => r[status!]?.startsWith("UP")).length;
}

/**
 * Starts HAProxy on `port` in front of `backends`, and resolves once the frontend answers the
 * health path with 200 and every backend is up (or rejects after `timeoutMs`).
 */
export async function startHaproxy(
  options: HaproxyOptions & { timeoutMs?: number; /** where to look for the binary */ searchPath?: string[] },
): Promise<Haproxy> {
  const binary = findHaproxy(options.searchPath);
  if (!binary) throw new Error(HAPROXY_MISSING);
  const dir = mkdtempSync(path.join(os.tmpdir(), "pac-haproxy-"));
  const statsPort = await freePort();
  const stats = `\nlisten stats\n    bind 127.0.0.1:${statsPort}\n    stats enable\n    stats uri /stats\n`;
  const configFile = path.join(dir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig(options) + stats);
  const logFile = path.join(dir, "haproxy.log");
  const out = openSync(logFile, "a");
  const child = spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", out, out] });
  const host = options.host ? options.host : "127.0.0.1";
  const url = `http://${host}:${options.port}`;
  const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`;
  const close = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const backendsUp = () => serversUp(statsUrl).catch(() => 0);

  for (const until = Date.now() + (options.timeoutMs ?? 30_000); ;) {
    if (child.exitCode !== null) {
      const tail = logTail(logFile);
      await close();
      throw new Error(`haproxy exited with code ${child.exitCode}:\n${tail}`);
    }
    const healthy = await fetch(`${url}${options.healthPath ?? "/api/health"}`, { signal: AbortSignal.timeout(3000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy && (await backendsUp()) === options.backends.length) break;
    if (Date.now() > until) {
      const tail = logTail(logFile);
      await close();
      throw new Error(`haproxy on ${url} did not see all ${options.backends.length} backends up in time:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, backendsUp, logFile, close };
}
