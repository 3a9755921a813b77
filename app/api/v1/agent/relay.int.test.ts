// The data path for real (SPEC §8): a proxy daemon started by the manual deploy command listens
// for agents; an agent installed with the cluster's install command downloads, registers and
// reports through it; the console hears the agent through the proxy, receives its data within the
// policy, and tells "proxy offline" from "agent offline" when the proxy dies. Real processes, real
// HTTP on 127.0.0.1, real PostgreSQL.
import { execFileSync, spawn } from "node:child_process";
import { openSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listClients } from "@/lib/assets/list-assets";
import { disconnectClients } from "@/lib/clients/disconnect-clients";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { updatePolicy } from "@/lib/policy/policy";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { listProxies } from "@/lib/proxies/list-proxies";
import { proxyStatus } from "@/lib/proxies/status";
import { publishTestReleases } from "@/lib/testing/releases";
import { startAgentConsole, waitFor, waitForExit } from "@/lib/testing/agent-console";
import { makeCluster, testContext } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/db/port";

let harness: Awaited<ReturnType<typeof startAgentConsole>>;

beforeAll(async () => {
  await publishTestReleases();
  harness = await startAgentConsole();
});

afterAll(async () => {
  delete process.env.PROXY_PORT;
  await harness.stop();
});

const clientStatus = async (clusterId: string, assetId: string) =>
  (await listClients(clusterId, { limit: 50, sort: "hostname", order: "asc" })).items.find((c) => c.id === assetId);

/** A proxy deployed with the manual command, listening on 127.0.0.1:<port>; resolves once it reports in. */
async function deployProxy(clusterId: string, port: string, env: Record<string, string> = {}) {
  const deploy = await deployProxies(testContext(), clusterId, { mode: "manual", expiresInHours: 1 }, harness.base);
  if (deploy.mode !== "manual") throw new Error("expected a manual deploy command");
  const before = new Set((await db().proxyServer.findMany({ where: { clusterId } })).map((p) => p.id));
  const run = await harness.run(deploy.command, {
    AEGIS_HOSTNAME: `relay-proxy-${port}`,
    AEGIS_IPS: "10.98.0.1",
    AEGIS_PROXY_LISTEN: `127.0.0.1:${port}`,
    ...env,
  });
  const proxy = await waitFor("the proxy online", async () => {
    const p = await db().proxyServer.findFirst({
      where: { clusterId, id: { notIn: [...before] }, lastHeartbeatAt: { not: null } },
    });
    return p ?? undefined;
  });
  const pid = () => Number(readFileSync(path.join(run.root, "proxy.pid"), "utf8"));
  return { proxy, run, pid };
}

async function installAgent(clusterId: string, env: Record<string, string> = {}) {
  const install = await createInstallCommand(
    testContext(),
    { region: "cn", clusterId, os: "linux", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
    harness.base,
  );
  const run = await harness.run(install.command, {
    AEGIS_HOSTNAME: `relay-agent-${process.env.PROXY_PORT}`,
    AEGIS_IPS: "10.98.1.1",
    AEGIS_DATA_INTERVAL_SECONDS: "1",
    ...env,
  });
  const config = JSON.parse(readFileSync(path.join(run.root, "config.json"), "utf8"));
  return { install, run, config };
}

async function proxyAndAgent(env: Record<string, string> = {}, address = "127.0.0.1") {
  // A port of its own for each test's proxy: the commands are written for it (PROXY_PORT).
  const port = String(await freePort());
  process.env.PROXY_PORT = port;
  const cluster = await makeCluster({ address });
  const { proxy, run: proxyRun, pid } = await deployProxy(cluster.id, port, env);
  const { install, run: agentRun, config } = await installAgent(cluster.id);
  return { cluster, proxy, pid, install, proxyRun, agentRun, config, base: `http://127.0.0.1:${port}` };
}

/** Records as an agent sends them. */
const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: "process_logs",
    at: new Date().toISOString(),
    data: { pid: i, comm: "x".repeat(100) },
  }));

const viaOf = async (assetId: string) => (await db().asset.findUniqueOrThrow({ where: { id: assetId } })).viaProxyId;

describe("the proxy relays", () => {
  it("an agent installed with the cluster's command reaches the console only through the proxy", async () => {
    const { cluster, proxy, pid, install, proxyRun, config, base } = await proxyAndAgent();
    // The command, its script, the program files and the registration all go through the proxy.
    expect(install.command).toBe(`curl -fsSL ${base}/api/v1/install/${install.token}/linux.sh | sudo bash`);
    expect(install.reach).toBe(base);
    expect(config.consoleUrl).toBe(base);
    expect(config.route).toMatchObject({ mode: "proxy", address: "127.0.0.1", port: Number(process.env.PROXY_PORT) });
    expect(statSync(path.join(path.dirname(path.join(proxyRun.root, "x")), "config.json")).mode & 0o777).toBe(0o600);
    const relayed = harness.requests.filter((r) => r.relayedBy === proxy.id).map((r) => r.path);
    expect(relayed).toContain("/api/v1/agent/register");
    expect(relayed).toContain(`/api/v1/install/${install.token}/linux.sh`);
    expect(relayed.some((p) => p.startsWith("/api/v1/agent-dist/"))).toBe(true);
    // The agent never heartbeats the console itself: the proxy vouches for it.
    const asset = await waitFor("the agent vouched for by the proxy", async () => {
      const a = await db().asset.findUniqueOrThrow({ where: { id: config.assetId } });
      return a.viaProxyId === proxy.id ? a : undefined;
    });
    expect(asset.hostname).toBe(`relay-agent-${process.env.PROXY_PORT}`);
    expect(harness.requests.some((r) => r.path === "/api/v1/agent/heartbeat")).toBe(false);
    expect((await clientStatus(cluster.id, config.assetId))?.agentStatus).toBe("online");

    // Only the agent routes exist on the proxy.
    for (const p of ["/api/v1/clusters?region=cn", "/sign-in", "/api/v1/auth/session", "/"]) {
      const r = await fetch(base + p);
      expect([p, r.status]).toEqual([p, 404]);
    }

    // Real records arrive as rollups of this proxy.
    await waitFor(
      "data rolled up for the proxy",
      async () => {
        const rows = await db().dataRollup.findMany({ where: { proxyId: proxy.id } });
        return rows.length > 0 ? rows : undefined;
      },
      20,
    );

    // The proxy reports its real clients.
    await waitFor("the proxy counting its agent", async () => {
      const p = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
      return p.connectedClients === 1 ? true : undefined;
    });

    // Killed, the proxy stops vouching: the agent shows "proxy offline", not "offline".
    process.kill(pid(), "SIGKILL");
    await waitFor("proxy offline shown", async () =>
      (await clientStatus(cluster.id, config.assetId))?.agentStatus === "proxy_offline" ? true : undefined,
    );
  }, 90_000);

  it("cache mode writes export.log in rotating segments under the cap and sends nothing upstream", async () => {
    const cacheDir = path.join((await import("node:os")).tmpdir(), `aegis-cache-${Date.now()}`);
    const { cluster, proxy, config, base } = await proxyAndAgent({ AEGIS_PROXY_CACHE_MAX_BYTES: String(64 * 1024) });
    await updatePolicy(testContext(), cluster.id, {
      mode: "cache",
      cacheDir,
      cacheMaxBytes: 1024 ** 3,
      dataTypes: ["process_logs"],
    });
    await waitFor("the proxy vouching for the agent", async () =>
      (await db().asset.findUniqueOrThrow({ where: { id: config.assetId } })).viaProxyId === proxy.id ? true : undefined,
    );
    await waitFor("the cache policy applied", async () =>
      (await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } })).policyVersion === 2 ? true : undefined,
    );
    const before = await db().dataRollup.aggregate({ where: { proxyId: proxy.id }, _sum: { records: true } });
    // The agent's own records, as it sends them, 200 at a time: far more than the 64 KiB cap.
    const records = Array.from({ length: 200 }, (_, i) => ({
      type: "process_logs",
      at: new Date().toISOString(),
      data: { pid: i, comm: "x".repeat(100) },
    }));
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${base}/api/v1/agent/data`, {
        method: "POST",
        headers: { authorization: `Bearer ${config.credential}`, "content-type": "application/json" },
        body: JSON.stringify({ records }),
      });
      expect(r.status).toBe(200);
    }
    const files = readdirSync(cacheDir);
    expect(files).toContain("export.log");
    expect(files).toContain("export.log.1");
    const total = files.reduce((sum, f) => sum + statSync(path.join(cacheDir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(64 * 1024);
    expect(readFileSync(path.join(cacheDir, "export.log"), "utf8").split("\n")[0]).toContain('"type":"process_logs"');
    await new Promise((r) => setTimeout(r, 1500));
    const after = await db().dataRollup.aggregate({ where: { proxyId: proxy.id }, _sum: { records: true } });
    expect(after._sum.records).toEqual(before._sum.records);
  }, 90_000);

  it("a disconnected agent is told to report directly and moves to the console", async () => {
    const { cluster, proxy, config } = await proxyAndAgent();
    await waitFor("vouched", async () =>
      (await db().asset.findUniqueOrThrow({ where: { id: config.assetId } })).viaProxyId === proxy.id ? true : undefined,
    );
    await disconnectClients(testContext(), cluster.id, { assetIds: [config.assetId] });
    await waitFor(
      "the agent heartbeating the console directly",
      async () => (harness.requests.some((r) => r.path === "/api/v1/agent/heartbeat" && r.status === 200) ? true : undefined),
      20,
    );
    const asset = await db().asset.findUniqueOrThrow({ where: { id: config.assetId } });
    expect(asset.viaProxyId).toBeNull();
  }, 90_000);

  it("a killed proxy's agent fails over to another proxy of the cluster", async () => {
    const [p1, p2] = [String(await freePort()), String(await freePort())];
    process.env.PROXY_PORT = p1;
    const cluster = await makeCluster({ address: "proxies.localhost" }); // a domain: several proxies (R4)
    const a = await deployProxy(cluster.id, p1);
    const b = await deployProxy(cluster.id, p2);
    // Two endpoints, as a domain with two addresses resolves; AEGIS_PROXY_ENDPOINTS stands for the lookup.
    const { config } = await installAgent(cluster.id, { AEGIS_PROXY_ENDPOINTS: `127.0.0.1:${p1},127.0.0.1:${p2}` });
    const first = await waitFor("the agent vouched for", async () => (await viaOf(config.assetId)) ?? undefined);
    const [dead, alive] = first === a.proxy.id ? [a, b] : [b, a];
    process.kill(dead.pid(), "SIGKILL");
    await waitFor("the agent through the other proxy", async () =>
      (await viaOf(config.assetId)) === alive.proxy.id ? true : undefined,
    );
    expect((await clientStatus(cluster.id, config.assetId))?.agentStatus).toBe("online");
  }, 90_000);

  it("a proxy stopped with SIGTERM says so and shows offline at once", async () => {
    const { cluster, proxy, pid } = await proxyAndAgent();
    process.kill(pid(), "SIGTERM");
    const stopped = await waitFor("the stopping heartbeat", async () => {
      const p = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
      return p.stoppedAt ? p : undefined;
    });
    // Offline from its last heartbeat on, not after the threshold of silence.
    expect(proxyStatus(stopped, stopped.lastHeartbeatAt!, 90)).toBe("offline");
    expect((await listProxies(cluster.id)).items.find((p) => p.id === proxy.id)?.status).toBe("offline");
  }, 90_000);

  it("while the console is away the proxy keeps answering its agents and queues their data, then catches up", async () => {
    const { proxy, config, agentRun, proxyRun, base } = await proxyAndAgent();
    await waitFor("the agent vouched for", async () => ((await viaOf(config.assetId)) === proxy.id ? true : undefined));
    const received = async () =>
      Number((await db().dataRollup.aggregate({ where: { proxyId: proxy.id }, _sum: { records: true } }))._sum.records ?? 0);
    const before = await received();
    harness.state.down = true;
    try {
      const response = await fetch(`${base}/api/v1/agent/data`, {
        method: "POST",
        headers: { authorization: `Bearer ${config.credential}`, "content-type": "application/json" },
        body: JSON.stringify({ records: records(50) }),
      });
      expect(response.status).toBe(200);
      await new Promise((r) => setTimeout(r, 4000)); // twice the offline threshold
      // The agent never lost its proxy, and the records wait on the proxy's disk.
      expect(readFileSync(path.join(agentRun.root, "log", "agent.log"), "utf8")).not.toContain("heartbeat failed");
      const queue = path.join(proxyRun.root, `relay-${proxy.id}`, "queue");
      expect(readdirSync(queue).some((f) => f.endsWith(".jsonl") && statSync(path.join(queue, f)).size > 0)).toBe(true);
    } finally {
      harness.state.down = false;
    }
    await waitFor("the queued records delivered", async () => ((await received()) >= before + 50 ? true : undefined), 30);
  }, 90_000);

  it("a proxy killed mid-drain, after the console applied a batch it never heard back about, resumes without duplicates or loss", async () => {
    const { proxy, config, proxyRun, pid, base } = await proxyAndAgent({ AEGIS_DATA: "0" });
    await waitFor("the agent vouched for", async () => ((await viaOf(config.assetId)) === proxy.id ? true : undefined));
    const received = async () =>
      Number((await db().dataRollup.aggregate({ where: { proxyId: proxy.id }, _sum: { records: true } }))._sum.records ?? 0);
    const N = 1200;
    harness.state.down = true;
    try {
      for (let i = 0; i < 3; i++) {
        const r = await fetch(`${base}/api/v1/agent/data`, {
          method: "POST",
          headers: { authorization: `Bearer ${config.credential}`, "content-type": "application/json" },
          body: JSON.stringify({ records: records(N / 3) }),
        });
        expect(r.status).toBe(200);
      }
    } finally {
      // The daemon itself (the launcher's child) dies the moment the console has applied its first
      // batch, before the answer leaves: the queue still holds that batch.
      const launcher = pid();
      const daemon = Number(execFileSync("ps", ["-o", "pid=", "--ppid", String(launcher)], { encoding: "utf8" }).trim());
      let killedAt: number | null = null;
      harness.state.beforeAnswer = ({ path: p, status }) => {
        if (killedAt !== null || p !== `/api/v1/agent/proxies/${proxy.id}/data` || status !== 200) return;
        process.kill(daemon, "SIGKILL");
        killedAt = Date.now();
      };
      harness.state.down = false;
      await waitFor("the daemon killed mid-drain", async () => (killedAt !== null ? true : undefined), 30);
      harness.state.beforeAnswer = null;
    }
    await waitForExit("the launcher to end with its daemon", path.join(proxyRun.root, "proxy.pid"));
    const applied = await received();
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(N);
    const queue = path.join(proxyRun.root, `relay-${proxy.id}`, "queue");
    expect(readdirSync(queue).some((f) => f.endsWith(".jsonl"))).toBe(true);

    // Restarted as the install script starts it; it sends the applied batch again, then the rest.
    const log = openSync(path.join(proxyRun.root, "log", "proxy.log"), "a");
    const child = spawn(
      process.execPath,
      [path.join(proxyRun.root, "bin", "launcher.mjs"), "proxy", "--config", path.join(proxyRun.root, "config.json")],
      {
        env: { ...process.env, AEGIS_ROOT: proxyRun.root, AEGIS_NO_SYSTEMD: "1" },
        stdio: ["ignore", log, log],
        detached: true,
      },
    );
    child.unref();
    writeFileSync(path.join(proxyRun.root, "proxy.pid"), String(child.pid)); // ended by harness.stop()
    await waitFor("every queued record delivered", async () => ((await received()) >= N ? true : undefined), 60);
    await waitFor("the queue empty", async () => (readdirSync(queue).some((f) => f.endsWith(".jsonl")) ? undefined : true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await received()).toBe(N);
    const acks = await db().proxyQueueAck.findMany({ where: { proxyId: proxy.id } });
    expect(acks.map((a) => a.ackedSeq)).toEqual([BigInt(N)]);
  }, 120_000);

  it("a custom bandwidth limit holds the upstream rate at or under it", async () => {
    const { cluster, proxy, config, base } = await proxyAndAgent({ AEGIS_DATA: "0" });
    await updatePolicy(testContext(), cluster.id, { mode: "backflow", bandwidthKbps: 24, frequencyPerMin: null }); // 3,000 bytes/s
    await waitFor("the policy applied", async () =>
      (await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } })).policyVersion === 2 ? true : undefined,
    );
    await waitFor("the agent vouched for", async () => ((await viaOf(config.assetId)) === proxy.id ? true : undefined));
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${base}/api/v1/agent/data`, {
        method: "POST",
        headers: { authorization: `Bearer ${config.credential}`, "content-type": "application/json" },
        body: JSON.stringify({ records: records(100) }),
      });
      expect(r.status).toBe(200);
    }
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 6000));
    const sent = harness.requests.filter((r) => r.path === `/api/v1/agent/proxies/${proxy.id}/data` && r.at >= from);
    const bytes = sent.reduce((sum, r) => sum + r.bytes, 0);
    expect(bytes).toBeGreaterThan(0);
    // The rate over the window, plus one second of burst and each request's {"records":…} wrapper.
    expect(bytes).toBeLessThanOrEqual(3000 * 6 + 3000 + 16 * sent.length);
    expect(Number((await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } })).queuedBytes)).toBeGreaterThan(0);
  }, 90_000);

  it("a revoked agent credential is refused through the proxy, and the agent exits", async () => {
    const { proxy, config, agentRun } = await proxyAndAgent();
    await waitFor("the agent vouched for", async () => ((await viaOf(config.assetId)) === proxy.id ? true : undefined));
    // As a revocation or a re-registration elsewhere does: the credential the agent holds is no longer valid.
    await db().asset.update({ where: { id: config.assetId }, data: { agentCredentialHash: null } });
    await waitForExit("the agent process to exit", path.join(agentRun.root, "agent.pid"));
    expect(readFileSync(path.join(agentRun.root, "log", "agent.log"), "utf8")).toContain(
      "no longer accepts this agent's credential",
    );
    expect(await viaOf(config.assetId)).toBeNull();
  }, 90_000);
});
