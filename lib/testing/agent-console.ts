// The agent-facing routes of the console behind a small HTTP server, for tests that run the real
// daemons (the served scripts, the relay): bash fetches scripts and program files over HTTP, the
// agent and the proxy register and heartbeat through the agent protocol. Listens on 127.0.0.1.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as agentData from "@/app/api/v1/agent/data/route";
import * as agentHeartbeat from "@/app/api/v1/agent/heartbeat/route";
import * as proxyData from "@/app/api/v1/agent/proxies/[id]/data/route";
import * as proxyHeartbeat from "@/app/api/v1/agent/proxies/[id]/heartbeat/route";
import * as proxyRegister from "@/app/api/v1/agent/proxies/register/route";
import * as agentRegister from "@/app/api/v1/agent/register/route";
import * as agentRelease from "@/app/api/v1/agent/releases/[version]/route";
import * as agentDist from "@/app/api/v1/agent-dist/[...file]/route";
import * as deployScript from "@/app/api/v1/deploy/[token]/proxy.sh/route";
import * as installScript from "@/app/api/v1/install/[token]/linux.sh/route";
import { checkAnswer } from "./http";

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: [string, RegExp, Handler][] = [
  ["GET", /^\/api\/v1\/deploy\/(?<token>[^/]+)\/proxy\.sh$/, deployScript.GET],
  ["GET", /^\/api\/v1\/install\/(?<token>[^/]+)\/linux\.sh$/, installScript.GET],
  ["GET", /^\/api\/v1\/agent-dist\/(?<file>.+)$/, agentDist.GET as unknown as Handler],
  ["POST", /^\/api\/v1\/agent\/register$/, agentRegister.POST],
  ["GET", /^\/api\/v1\/agent\/releases\/(?<version>[^/]+)$/, agentRelease.GET],
  ["POST", /^\/api\/v1\/agent\/heartbeat$/, agentHeartbeat.POST],
  ["POST", /^\/api\/v1\/agent\/data$/, agentData.POST],
  ["POST", /^\/api\/v1\/agent\/proxies\/register$/, proxyRegister.POST],
  ["POST", /^\/api\/v1\/agent\/proxies\/(?<id>[^/]+)\/heartbeat$/, proxyHeartbeat.POST],
  ["POST", /^\/api\/v1\/agent\/proxies\/(?<id>[^/]+)\/data$/, proxyData.POST],
];

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  return new Request(new URL(req.url!, base), {
    method: req.method,
    headers,
    body: req.method === "GET" ? undefined : Buffer.concat(chunks),
  });
}

/**
 * Starts the server and sets PUBLIC_URL to it; `stop()` also ends every daemon started through
 * `run`, and fails when an answer broke the API contract.
 */
export async function startAgentConsole() {
  let base = "";
  const violations: string[] = [];
  const requests: { method: string; path: string; status: number; relayedBy: string | null; bytes: number; at: number }[] = [];
  /**
   * down: while true the console answers 503 to everything, as one whose database is away.
   * beforeAnswer: called once a request was handled and before its answer is sent (a test kills
   * a daemon there: the console applied the request, the daemon never hears it).
   */
  const state: { down: boolean; beforeAnswer: ((r: { path: string; status: number }) => void) | null } = {
    down: false,
    beforeAnswer: null,
  };
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url!, "http://x").pathname;
    if (state.down) return void res.writeHead(503, { "retry-after": "1" }).end();
    const match = ROUTES.map(([m, re, h]) => [m === req.method ? re.exec(pathname) : null, h] as const).find(([m]) => m);
    if (!match) return void res.writeHead(404).end();
    const groups: Record<string, string | string[]> = { ...match[0]!.groups };
    if (typeof groups.file === "string") groups.file = groups.file.split("/"); // a catch-all segment
    const response = await match[1](await toRequest(req, base), { params: Promise.resolve(groups) as never });
    requests.push({
      method: req.method!,
      path: pathname,
      status: response.status,
      relayedBy: (req.headers["x-aegis-relay-proxy"] as string) ?? null,
      bytes: Number(req.headers["content-length"] ?? 0),
      at: Date.now(),
    });
    const body = Buffer.from(await response.arrayBuffer());
    state.beforeAnswer?.({ path: pathname, status: response.status });
    await checkAnswer(match[1], response, body.toString("utf8")).catch((error: Error) => violations.push(error.message));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.env.PUBLIC_URL = base;
  const roots: string[] = [];
  const pidFiles: string[] = [];
  const exec = promisify(execFile);

  return {
    base,
    requests,
    state,
    pidFiles,
    /** `curl -fsSL <url> | bash`, as the console's command says, minus sudo (AEGIS_ROOT instead). */
    async run(command: string, env: Record<string, string>) {
      const root = mkdtempSync(path.join(os.tmpdir(), "aegis-root-"));
      roots.push(root);
      const pipeline = command.replace(/\| sudo bash$/, "| bash");
      if (pipeline === command) throw new Error(`not a console command: ${command}`);
      const { stdout } = await exec("bash", ["-c", `set -o pipefail; ${pipeline}`], {
        env: { ...process.env, AEGIS_ROOT: root, AEGIS_NO_SYSTEMD: "1", ...env },
      });
      for (const role of ["agent", "proxy"]) pidFiles.push(path.join(root, `${role}.pid`));
      return { root, stdout };
    },
    async stop() {
      for (const file of pidFiles) {
        if (!existsSync(file)) continue;
        try {
          process.kill(Number(readFileSync(file, "utf8")), "SIGKILL");
        } catch {
          // already exited
        }
      }
      delete process.env.PUBLIC_URL;
      await new Promise((resolve) => server.close(resolve));
      for (const root of roots) rmSync(root, { recursive: true, force: true });
      if (violations.length) throw new Error(violations.join("\n"));
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seconds = 15): Promise<T> {
  for (const until = Date.now() + seconds * 1000; Date.now() < until;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until the daemon whose pid file is `pidFile` has exited. */
export function waitForExit(what: string, pidFile: string, seconds = 15): Promise<true> {
  const pid = Number(readFileSync(pidFile, "utf8"));
  return waitFor(
    what,
    async () => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch {
        return true;
      }
    },
    seconds,
  );
}
