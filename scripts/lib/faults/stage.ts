// The fault suite's stage (issue 15): a PostgreSQL of its own that can be stopped and started
// again, a TCP proxy in front of it that can freeze or slow it, a console (`scripts/start.ts`
// on that database, as an operator runs one on an external PostgreSQL) that can be killed and
// started again, and the counting HTTP front every client goes through.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../../lib/db/embedded";
import { freePort } from "../../../lib/db/port";
import { pausableProxy, type PausableProxy } from "../../../lib/testing/pausable-proxy";
import { logTail, waitForHealth } from "../bench/console-process";
import { createAdminToken } from "../simulator/own-console";
import { prismaCli } from "../database";
import { startHttpFront, type HttpFront } from "./http-front";

/** Short intervals, so that each fault plays out in seconds rather than minutes. */
export const STAGE_ENV = {
  HEARTBEAT_INTERVAL_SECONDS: "5",
  OFFLINE_AFTER_SECONDS: "15",
  BATCH_INTERVAL_SECONDS: "2",
  ALERT_EVAL_INTERVAL_SECONDS: "2",
  DATABASE_QUERY_TIMEOUT_MS: "5000",
  DATABASE_CONNECT_TIMEOUT_MS: "3000",
  DEMO_DATA: "0",
  DEMO_SIMULATOR: "0",
  LOG_LEVEL: "warn",
};

export type Answer = { status: number; json: unknown; ms: number };

export class Stage {
  readonly work = mkdtempSync(path.join(os.tmpdir(), "pac-faults-"));
  database!: EmbeddedDatabase;
  pgPort = 0;
  /** The console's way to PostgreSQL: freeze() is a frozen server, setDelay() a slow one. */
  pgFront!: PausableProxy;
  front!: HttpFront;
  token = "";
  consolePort = 0;
  private consoleChild: ChildProcess | null = null;
  private readonly consoleLog: string;

  constructor(private readonly say: (line: string) => void) {
    // Run as root, PostgreSQL runs as the "postgres" user and must be able to enter the folder.
    chmodSync(this.work, 0o755);
    this.consoleLog = path.join(this.work, "console.log");
  }

  async start() {
    this.pgPort = await freePort();
    await this.startPostgres();
    prismaCli(["migrate", "deploy"], this.database.url, { capture: true });
    this.pgFront = await pausableProxy({ host: "127.0.0.1", port: this.pgPort });
    this.consolePort = await freePort();
    this.front = await startHttpFront(() => `http://127.0.0.1:${this.consolePort}`);
    await this.startConsole();
    this.token = createAdminToken(this.database.url, "fault-suite");
  }

  async startPostgres() {
    const dataDir = path.join(this.work, "pg");
    mkdirSync(dataDir, { recursive: true });
    this.database = await startEmbeddedPostgres({
      dataDir,
      port: this.pgPort,
      database: "pac_faults",
      credentialsFile: path.join(this.work, "pg-credentials.json"),
    });
  }

  /** Stops PostgreSQL (a fast shutdown: open transactions are rolled back, clients cut off). */
  async stopPostgres() {
    await this.database.stop();
  }

  /** The console's database URL, through the TCP proxy. */
  get consoleDatabaseUrl(): string {
    const url = new URL(this.database.url);
    url.port = String(this.pgFront.port);
    return url.toString();
  }

  /** `tsx scripts/start.ts` on the database (through the TCP proxy), as `npm start` with DATABASE_URL. */
  async startConsole() {
    const out = openSync(this.consoleLog, "a");
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
      env: {
        ...process.env,
        ...STAGE_ENV,
        DATABASE_URL: this.consoleDatabaseUrl,
        PORT: String(this.consolePort),
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", out, out],
      detached: true,
    });
    this.consoleChild = child;
    try {
      await waitForHealth(`http://127.0.0.1:${this.consolePort}`, child, 180_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}; the end of its log:\n${logTail(this.consoleLog)}`);
    }
  }

  /** kill -9 of the console's whole process group (the start script and the web server). */
  async killConsole() {
    const child = this.consoleChild;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    // The web server may outlive its parent for a moment; wait for the port to be free.
    for (let i = 0; i < 50; i++) {
      const answer = await fetch(`http://127.0.0.1:${this.consolePort}/api/health`).catch(() => null);
      if (!answer) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stopConsole() {
    const child = this.consoleChild;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /** An operator API call through the front; never throws for an HTTP answer. */
  async call(method: string, route: string, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
    const started = performance.now();
    try {
      const response = await fetch(this.front.url + route, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: response.status, json, ms: performance.now() - started };
    } catch {
      return { status: 0, json: null, ms: performance.now() - started };
    }
  }

  /** A call that must succeed (setup steps). */
  async must<T>(method: string, route: string, body?: unknown): Promise<T> {
    const answer = await this.call(method, route, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`);
    return answer.json as T;
  }

  /** One query straight to PostgreSQL (not through the TCP proxy): what is really stored. */
  async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  consoleLogTail(lines = 40) {
    return logTail(this.consoleLog, lines);
  }

  async close() {
    await this.stopConsole().catch(() => undefined);
    await this.front?.close();
    await this.pgFront?.close();
    await this.database?.stop().catch(() => undefined);
    if (!process.env.FAULTS_KEEP) rmSync(this.work, { recursive: true, force: true });
    else this.say(`kept ${this.work}`);
  }
}
