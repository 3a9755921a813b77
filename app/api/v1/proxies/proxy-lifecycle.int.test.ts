// Issue #4: statuses come from heartbeats over the agent protocol, with the test tier's 2 s
// offline threshold: deploying → online on the first heartbeat → (stop) → offline after silence
// → delete → 410 to the daemon; quick deploys through the agent's task; upgrade until reported.
import { beforeAll, describe, expect, it } from "vitest";
import * as clusterItem from "@/app/api/v1/clusters/[id]/route";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { publishTestReleases } from "@/lib/testing/releases";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { agentWithCredential, ALWAYS, LONG_AGO, onlineAsset, sleep } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";
import { proxyApi } from "@/lib/testing/proxy-api";

let api: ReturnType<typeof proxyApi>;
let token: string;
beforeAll(async () => {
  await publishTestReleases();
  token = await apiToken("operator");
  api = proxyApi(token);
});

async function statusOf(clusterId: string, proxyId: string) {
  const list = await api.list(clusterId);
  return list.body.items.find((p) => p.id === proxyId)!;
}
const clusterStatus = async (id: string) =>
  (await call<{ status: string }>(clusterItem.GET, "GET", "/", { params: { id }, headers: { authorization: `Bearer ${token}` } }))
    .body.status;

describe("proxy status from heartbeats (R6, R7, R8)", () => {
  it("manual: deploying → online → stop → offline after the threshold → delete → 410 to the daemon", async () => {
    const cluster = await makeCluster();
    const deploy = await api.deploy(cluster.id, { mode: "manual" });
    expect(deploy.status).toBe(201);
    expect(deploy.body.command).toMatch(/^curl -fsSL .*\/api\/v1\/deploy\/pdp_[\w-]+\/proxy\.sh \| sudo bash$/);
    const reg = await api.register(deploy.body.token);
    expect(reg.status).toBe(201);
    const { proxyId, credential } = reg.body;
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "deploying", lastHeartbeatAt: null });
    expect(await clusterStatus(cluster.id)).toBe("offline");

    const first = await api.heartbeat(proxyId, credential);
    expect(first.status).toBe(200);
    // A manually deployed proxy's server has no agent (issue 13).
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({
      status: "online",
      agentStatus: "not_installed",
      canDelete: false,
    });
    expect(await clusterStatus(cluster.id)).toBe("online");
    expect((await api.remove(proxyId)).status).toBe(409);

    expect((await api.stop(proxyId)).status).toBe(200);
    // Issue 13: "stopping" from the request until the proxy is offline.
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "stopping", canDelete: false });
    const lastBeat = Date.now();
    expect((await api.heartbeat(proxyId, credential)).body.tasks.map((t) => t.type)).toEqual(["stop"]);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "stopping" });
    while ((await statusOf(cluster.id, proxyId)).status === "stopping") await sleep(100);
    expect(Date.now() - lastBeat).toBeGreaterThanOrEqual(config.offlineAfterSeconds * 1000 - 150);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "offline", canDelete: true });
    expect(await clusterStatus(cluster.id)).toBe("offline");

    const { assetId } = await db().proxyServer.findUniqueOrThrow({ where: { id: proxyId } });
    expect((await api.remove(proxyId)).status).toBe(204);
    expect(await db().asset.count({ where: { id: assetId } })).toBe(1); // R8: the agent stays
    // Refused and final for the daemon either way; the exact 410 is the it.fails case below.
    expect([401, 410]).toContain((await api.heartbeat(proxyId, credential)).status);
  });

  // Regression (fixed in 6e02c60): a manual proxy's credential lived only on its row, so after a
  // delete its heartbeat was 401 instead of 410; deleted credentials are now kept as retired.
  it("manual: a heartbeat after delete is 410 GONE", async () => {
    const cluster = await makeCluster();
    const { proxyId, credential } = (await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token)).body;
    await db().proxyServer.update({ where: { id: proxyId }, data: { lastHeartbeatAt: LONG_AGO } });
    expect((await api.remove(proxyId)).status).toBe(204);
    const after = await api.heartbeat(proxyId, credential);
    expect([after.status, errorOf(after)?.code]).toEqual([410, "GONE"]);
  });

  it("manual on a server whose agent is installed: the same asset, and the agent keeps its credential", async () => {
    const cluster = await makeCluster();
    const agent = await agentWithCredential();
    const { hostname, ips } = agent.asset;
    const reg = await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token, { hostname, ips, os: "linux" });
    expect(reg.status).toBe(201);
    const proxy = await db().proxyServer.findUniqueOrThrow({ where: { id: reg.body.proxyId } });
    expect(proxy.assetId).toBe(agent.asset.id);
    expect((await db().asset.findUniqueOrThrow({ where: { id: agent.asset.id } })).agentCredentialHash).toBe(
      agent.asset.agentCredentialHash,
    );
    expect((await api.agentHeartbeat(agent.credential)).status).toBe(200);
  });

  it("quick: the agent gets a deploy-proxy task, the proxy heartbeats with the agent's credential, the task completes", async () => {
    const cluster = await makeCluster();
    const agent = await agentWithCredential();
    const deploy = await api.deploy(cluster.id, { mode: "quick", assetIds: [agent.asset.id] });
    expect(deploy.status).toBe(201);
    const proxyId = deploy.body.proxies[0]!.id;
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "deploying" });
    const beat = await api.agentHeartbeat(agent.credential);
    expect(beat.body.tasks).toEqual([
      expect.objectContaining({ type: "deploy-proxy", payload: expect.objectContaining({ proxyId, version: "1.5.0" }) }),
    ]);
    expect((await api.heartbeat(proxyId, agent.credential)).status).toBe(200);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "online", version: "1.5.0" });
    expect((await api.agentHeartbeat(agent.credential)).body.tasks).toEqual([]);
  });

  it("upgrade (R10): upgrading while the task is out, done when the proxy reports the new version", async () => {
    const cluster = await makeCluster();
    const reg = await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token, {}, "1.4.2");
    const { proxyId, credential } = reg.body;
    await api.heartbeat(proxyId, credential, "1.4.2");
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "online", canUpgrade: true, upgradeBlockedBy: null });

    expect(await api.upgrade(proxyId)).toMatchObject({ status: 200, body: { status: "upgrading", from: "1.4.2", to: "1.5.0" } });
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "upgrading", upgradeBlockedBy: "upgrading" });
    const told = await api.heartbeat(proxyId, credential, "1.4.2");
    expect(told.body.tasks).toEqual([
      expect.objectContaining({ type: "upgrade", payload: expect.objectContaining({ version: "1.5.0" }) }),
    ]);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "upgrading" });
    expect(errorOf(await api.upgrade(proxyId))?.code).toBe("PROXY_BUSY");

    expect((await api.heartbeat(proxyId, credential, "1.5.0")).body.tasks).toEqual([]);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({
      status: "online",
      version: "1.5.0",
      canUpgrade: false,
      upgradeBlockedBy: "already_latest",
    });
    expect(await db().agentTask.count({ where: { type: "upgrade_proxy", completedAt: null } })).toBe(0);
  });
});

describe("the panel's Upgrade availability matches what upgrade does (R10)", () => {
  type State = { heartbeat: Date | null; agent: Date; version: string; target?: string };
  async function check(state: State) {
    const cluster = await makeCluster();
    const asset = await onlineAsset("cn", { agentLastSeenAt: state.agent });
    const proxy = await db().proxyServer.create({
      data: {
        clusterId: cluster.id,
        assetId: asset.id,
        mode: "quick",
        version: state.version,
        targetVersion: state.target ?? null,
        lastHeartbeatAt: state.heartbeat,
      },
    });
    const shown = await statusOf(cluster.id, proxy.id);
    const result = await api.upgrade(proxy.id);
    expect({ canUpgrade: shown.canUpgrade, upgraded: result.status === 200 }).toEqual({
      canUpgrade: shown.canUpgrade,
      upgraded: shown.canUpgrade,
    });
  }

  it.each<[string, State]>([
    ["online, agent online, older version", { heartbeat: ALWAYS, agent: ALWAYS, version: "1.4.2" }],
    ["online, agent offline", { heartbeat: ALWAYS, agent: LONG_AGO, version: "1.4.2" }],
    ["offline, agent offline", { heartbeat: LONG_AGO, agent: LONG_AGO, version: "1.4.2" }],
    ["latest version", { heartbeat: ALWAYS, agent: ALWAYS, version: "1.5.0" }],
    ["upgrading", { heartbeat: ALWAYS, agent: ALWAYS, version: "1.4.2", target: "1.5.0" }],
    ["deploying", { heartbeat: null, agent: ALWAYS, version: "1.4.2" }],
  ])("%s", async (_name, state) => check(state));

  // Regression (fixed in 6e02c60): this state was shown upgradable but refused as AGENT_OFFLINE.
  it("offline proxy, agent online", () => check({ heartbeat: LONG_AGO, agent: ALWAYS, version: "1.4.2" }));
});

describe("stopping, stop commands and the last proxy (issue 13)", () => {
  it("a stop shows stopping until the proxy says it stops; a later restart clears the request", async () => {
    const cluster = await makeCluster();
    const { proxyId, credential } = (await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token)).body;
    await api.heartbeat(proxyId, credential);
    expect((await api.stop(proxyId)).status).toBe(200);
    expect((await api.stop(proxyId)).status).toBe(200); // asked twice: still one request
    expect(await db().agentTask.count({ where: { type: "stop_proxy", completedAt: null } })).toBeGreaterThanOrEqual(1);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "stopping", upgradeBlockedBy: "proxy_offline" });
    await api.heartbeat(proxyId, credential, "1.5.0", null, { stopping: true });
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "offline", canDelete: true });
    // Started again on the server: online, not stopping.
    await api.heartbeat(proxyId, credential);
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ status: "online" });
    expect((await db().proxyServer.findUniqueOrThrow({ where: { id: proxyId } })).stopRequestedAt).toBeNull();
  });

  it.each([
    [{ manager: "systemd" as const, unit: "aegis-proxy" }, "sudo systemctl stop aegis-proxy", true],
    [
      { manager: "pidfile" as const, pidFile: "/home/ops/aegis/proxy.pid" },
      "sudo sh -c 'kill $(cat /home/ops/aegis/proxy.pid)'",
      true,
    ],
    [undefined, "sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy", false],
  ])("a manual proxy run as %j is stopped with %s", async (service, command, reported) => {
    const cluster = await makeCluster();
    const token = (await api.deploy(cluster.id, { mode: "manual" })).body.token;
    const reg = await api.register(token, service ? { service } : {});
    expect(reg.status).toBe(201);
    const { proxyId, credential } = reg.body;
    expect((await statusOf(cluster.id, proxyId)).stop).toEqual({ runsIn: "service", reported, command });
    await api.heartbeat(proxyId, credential);
    const refused = await api.remove(proxyId);
    expect(errorOf(refused)).toMatchObject({ code: "PROXY_ONLINE", details: { stopCommand: command } });
  });

  it("a service path the console cannot use in a command is dropped, not a refused registration", async () => {
    const cluster = await makeCluster();
    const token = (await api.deploy(cluster.id, { mode: "manual" })).body.token;
    const reg = await api.register(token, { service: { manager: "pidfile", pidFile: "/tmp/x; rm -rf /" } });
    expect(reg.status).toBe(201);
    expect((await statusOf(cluster.id, reg.body.proxyId)).stop).toMatchObject({ reported: false });
  });

  it("a quick-deployed proxy runs inside the agent: its stop command is the agent's", async () => {
    const cluster = await makeCluster();
    const agent = await agentWithCredential();
    await db().asset.update({ where: { id: agent.asset.id }, data: { serviceManager: "systemd", serviceRef: "aegis-agent" } });
    const proxyId = (await api.deploy(cluster.id, { mode: "quick", assetIds: [agent.asset.id] })).body.proxies[0]!.id;
    expect((await statusOf(cluster.id, proxyId)).stop).toEqual({
      runsIn: "agent",
      reported: true,
      command: "sudo systemctl stop aegis-agent",
    });
    expect(await statusOf(cluster.id, proxyId)).toMatchObject({ agentStatus: "online" });
  });

  it("deleting the last proxy of a cluster with clients needs the caller's confirmation", async () => {
    const cluster = await makeCluster();
    const { proxyId } = (await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token)).body;
    const second = (await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token)).body.proxyId;
    await db().proxyCluster.update({ where: { id: cluster.id }, data: { clientCount: 640 } });
    // Another proxy remains: no confirmation needed.
    expect((await api.remove(second)).status).toBe(204);
    const refused = await api.remove(proxyId);
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: "LAST_PROXY_WITH_CLIENTS", details: { clients: 640 } });
    expect(await db().proxyServer.count({ where: { id: proxyId } })).toBe(1);
    expect((await api.remove(proxyId, true)).status).toBe(204);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "proxy.delete", targetId: proxyId, outcome: "success" },
    });
    expect(event.details).toMatchObject({ clientsLeftWithoutProxy: 640 });
  });

  it("the last proxy of a cluster without clients is deleted at once", async () => {
    const cluster = await makeCluster();
    const { proxyId } = (await api.register((await api.deploy(cluster.id, { mode: "manual" })).body.token)).body;
    expect((await api.remove(proxyId)).status).toBe(204);
  });
});
