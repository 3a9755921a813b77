// Issue 17, with real processes: the install's launcher runs the real daemon (pac-agent.mjs proxy)
// against a small console on node:http that hands it an `upgrade` task and serves the package.
// A good release is verified, staged, switched to and reports its version; one that never reports
// in is rolled back and the restored version says why; a tampered package is refused and never
// written.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AGENT_DIST_FILES } from "@/lib/agent-protocol/dist-files";
import { packRelease, releaseStatement, sha256Hex } from "./release/package.mjs";

const AGENT = import.meta.dirname;
const PROXY_ID = "00000000-0000-4000-8000-000000000017";
const keys = generateKeyPairSync("ed25519");

type Beat = { proxyVersion: string; stopping?: boolean; upgrade?: { version: string; outcome: string; reason: string } };

function releaseOf(version: string, replace: Record<string, string> = {}) {
  const files = AGENT_DIST_FILES.map((f) => ({
    path: f,
    content: replace[f] ?? readFileSync(path.join(AGENT, f)),
  }));
  const bytes = packRelease({ version, files });
  const digest = sha256Hex(bytes);
  const signature = sign(null, Buffer.from(releaseStatement(version, digest)), keys.privateKey).toString("base64");
  return { version, bytes, digest, signature, size: bytes.length };
}

/** A console that offers one upgrade until the proxy reports it done or failed, as the real one does. */
async function fakeConsole(release: ReturnType<typeof releaseOf>, served: Buffer = release.bytes) {
  const beats: Beat[] = [];
  let downloads = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "GET" && req.url === `/api/v1/agent/releases/${release.version}`) {
        downloads++;
        res.writeHead(200, { "content-type": "application/gzip" });
        return res.end(served);
      }
      if (req.method === "POST" && req.url === `/api/v1/agent/proxies/${PROXY_ID}/heartbeat`) {
        const beat = JSON.parse(Buffer.concat(chunks).toString()) as Beat;
        beats.push(beat);
        const done = beats.some((b) => b.proxyVersion === release.version || b.upgrade?.version === release.version);
        const payload = { version: release.version, digest: release.digest, signature: release.signature, size: release.size };
        const tasks = done || beat.stopping ? [] : [{ id: "t1", type: "upgrade", payload: { proxyId: PROXY_ID, ...payload } }];
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ tasks, policy: null, heartbeatIntervalSeconds: 1, offlineAfterSeconds: 5 }));
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: req.url } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, beats, downloads: () => downloads, close: () => server.close() };
}

/** An install as install.sh leaves it: bin/ with release 1.0.0, the pinned key, the config. */
function install(consoleUrl: string) {
  const root = mkdtempSync(path.join(tmpdir(), "pac-upgrade-"));
  for (const f of AGENT_DIST_FILES) cpSync(path.join(AGENT, f), path.join(root, "bin", f));
  writeFileSync(path.join(root, "bin", "release.json"), JSON.stringify({ version: "1.0.0" }));
  writeFileSync(path.join(root, "release-key.pem"), keys.publicKey.export({ type: "spki", format: "pem" }).toString());
  const config = {
    consoleUrl,
    credential: "pag_test_credential_0000000000",
    proxyId: PROXY_ID,
    clusterId: "00000000-0000-4000-8000-000000000001",
    proxyVersion: "1.0.0",
    facts: { hostname: "upgrade-test", ips: ["10.0.0.17"] },
  };
  writeFileSync(path.join(root, "config.json"), JSON.stringify(config), { mode: 0o600 });
  return root;
}

const running: { child: ChildProcess; root: string; close: () => void }[] = [];

function startLauncher(root: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [path.join(root, "bin", "launcher.mjs"), "proxy", "--config", path.join(root, "config.json")],
    {
      env: { ...process.env, AEGIS_PROXY_LISTEN: "127.0.0.1:0", AEGIS_DATA: "0", AEGIS_UPGRADE_HEALTH_SECONDS: "4", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function until<T>(what: string, check: () => T | undefined | false, log: () => string, ms = 25_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${log()}`);
}

const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null) {
      r.child.kill("SIGTERM");
      await new Promise((resolve) => r.child.once("exit", resolve));
    }
    r.close();
    rmSync(r.root, { recursive: true, force: true });
  }
});

describe("launcher and upgrades (real processes)", { timeout: 60_000 }, () => {
  it("a good release is verified, installed beside the old one, switched to, and reports its version", async () => {
    const release = releaseOf("2.0.0");
    const console_ = await fakeConsole(release);
    const root = install(console_.url);
    // A release from long ago: pruned once the new one is healthy (the previous one is kept).
    cpSync(path.join(root, "bin"), path.join(root, "releases", "0.9.0"), { recursive: true });
    const { child, output } = startLauncher(root);
    running.push({ child, root, close: console_.close });

    await until("a heartbeat from 2.0.0", () => console_.beats.some((b) => b.proxyVersion === "2.0.0"), output);
    expect(console_.beats[0]!.proxyVersion).toBe("1.0.0");
    expect(readJson(path.join(root, "releases", "2.0.0", "release.json"))).toEqual({ version: "2.0.0" });
    expect(readFileSync(path.join(root, "releases", "2.0.0", "pac-agent.mjs"), "utf8")).toBe(
      readFileSync(path.join(AGENT, "pac-agent.mjs"), "utf8"),
    );
    const current = await until(
      "the trial to end",
      () => {
        const c = readJson(path.join(root, "current.json"));
        return c?.trial === false ? c : undefined;
      },
      output,
    );
    expect(current).toMatchObject({ version: "2.0.0", dir: path.join(root, "releases", "2.0.0") });
    expect(current.previous).toMatchObject({ version: null, dir: path.join(root, "bin") });
    expect(existsSync(path.join(root, "staged.json"))).toBe(false);
    expect(existsSync(path.join(root, "releases", "0.9.0"))).toBe(false);
    expect(existsSync(path.join(root, "bin", "pac-agent.mjs"))).toBe(true);
    expect(console_.beats.some((b) => b.upgrade)).toBe(false);
    // The launcher (the process the pid file names) keeps running through the switch.
    expect(child.exitCode).toBeNull();
  });

  it("a release that never reports in is rolled back, and the restored version says why", async () => {
    // Its daemon starts but never heartbeats (a broken release).
    const release = releaseOf("2.0.0", { "pac-agent.mjs": "setInterval(() => undefined, 1000);\n" });
    const console_ = await fakeConsole(release);
    const root = install(console_.url);
    const { child, output } = startLauncher(root);
    running.push({ child, root, close: console_.close });

    const report = await until("the rolled-back report", () => console_.beats.find((b) => b.upgrade)?.upgrade, output);
    expect(report).toMatchObject({ version: "2.0.0", outcome: "rolled_back" });
    expect(report.reason).toMatch(/no heartbeat within 4 s/);
    expect(console_.beats.every((b) => b.proxyVersion === "1.0.0")).toBe(true);
    expect(readJson(path.join(root, "current.json"))).toMatchObject({ version: null, dir: path.join(root, "bin") });
    // Told once: the report file goes when the console has it.
    await until("the report to be cleared", () => !existsSync(path.join(root, "upgrade-report.json")), output);
    expect(child.exitCode).toBeNull();
  });

  it("AEGIS_UPGRADE_FAIL_HEALTH=1 makes a real release on trial stay silent: rolled back", async () => {
    const release = releaseOf("2.0.0");
    const console_ = await fakeConsole(release);
    const root = install(console_.url);
    const { child, output } = startLauncher(root, { AEGIS_UPGRADE_FAIL_HEALTH: "1", AEGIS_UPGRADE_HEALTH_SECONDS: "3" });
    running.push({ child, root, close: console_.close });

    const report = await until("the rolled-back report", () => console_.beats.find((b) => b.upgrade)?.upgrade, output);
    expect(report).toMatchObject({ version: "2.0.0", outcome: "rolled_back" });
    expect(report.reason).toMatch(/no heartbeat within 3 s/);
  });

  it("a package with one byte changed is refused: never written, never run, and the console is told", async () => {
    const release = releaseOf("2.0.0");
    const tampered = Buffer.from(release.bytes);
    tampered[tampered.length >> 1]! ^= 0x01;
    const console_ = await fakeConsole(release, tampered);
    const root = install(console_.url);
    const { child, output } = startLauncher(root);
    running.push({ child, root, close: console_.close });

    const report = await until("the refused report", () => console_.beats.find((b) => b.upgrade)?.upgrade, output);
    expect(report).toMatchObject({ version: "2.0.0", outcome: "refused" });
    expect(report.reason).toMatch(/digest mismatch/);
    expect(existsSync(path.join(root, "releases"))).toBe(false);
    expect(existsSync(path.join(root, "current.json"))).toBe(false);
    expect(console_.downloads()).toBe(1);
    expect(console_.beats.every((b) => b.proxyVersion === "1.0.0")).toBe(true);
  });
});
