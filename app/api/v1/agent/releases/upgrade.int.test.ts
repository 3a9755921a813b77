// Issue 17 against the real console: releases published through the admin command's code path,
// the download route (agent credentials only, 404 for an unknown version), the heartbeat's
// `upgrade` report (stored, audited, exposed in the proxies list, cleared by a good upgrade), and
// a manual deploy run for real that upgrades to a new release, or is rolled back.
import { existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as releaseRoute from "@/app/api/v1/agent/releases/[version]/route";
import * as heartbeatRoute from "@/app/api/v1/agent/proxies/[id]/heartbeat/route";
import { sha256Hex, unpackRelease } from "@/agent/release/package.mjs";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { listProxies } from "@/lib/proxies/list-proxies";
import { upgradeProxy } from "@/lib/proxies/upgrade-proxy";
import { latestRelease, listReleases } from "@/lib/releases/catalog";
import { publishRelease } from "@/lib/releases/publish-release";
import { startAgentConsole, waitFor } from "@/lib/testing/agent-console";
import { auditEvents, makeCluster, testContext } from "@/lib/testing/fixtures";
import { agentWithCredential } from "@/lib/testing/fleet";
import { call, callText, errorOf } from "@/lib/testing/http";
import { publishTestReleases } from "@/lib/testing/releases";

let harness: Awaited<ReturnType<typeof startAgentConsole>>;

beforeAll(async () => {
  await publishTestReleases();
  harness = await startAgentConsole();
});
afterAll(() => harness.stop());

const REPORT = { proxyVersion: "1.5.0", connectedClients: 0, bytesRelayed: 0, cacheBytes: 0, policyVersion: null };

/** A quick-deployed proxy at 1.5.0 whose agent credential we hold, with an upgrade queued to `to`. */
async function proxyUpgradingTo(to: string) {
  const cluster = await makeCluster();
  const { asset, authorization } = await agentWithCredential(cluster.region);
  const proxy = await db().proxyServer.create({
    data: {
      clusterId: cluster.id,
      assetId: asset.id,
      mode: "quick",
      version: "1.5.0",
      targetVersion: to,
      lastHeartbeatAt: new Date(),
    },
  });
  await db().agentTask.create({
    data: { assetId: asset.id, type: "upgrade_proxy", payload: { proxyId: proxy.id, version: to } },
  });
  const beat = (body: object) =>
    call<{ tasks: { type: string }[] }>(heartbeatRoute.POST, "POST", `/api/v1/agent/proxies/${proxy.id}/heartbeat`, {
      params: { id: proxy.id },
      headers: { authorization },
      body: { ...REPORT, ...body },
    });
  const row = async () => (await listProxies(cluster.id)).items.find((p) => p.id === proxy.id)!;
  return { cluster, proxy, authorization, beat, row };
}

describe("publishing", () => {
  it("publishes a signed package of agent/; the newest is latest (R10); a version is published once", async () => {
    const published = await publishRelease({ version: "1.5.1", publishedBy: "test", notes: "n" });
    expect(published).toMatchObject({ version: "1.5.1", size: expect.any(Number) });
    expect((await latestRelease())?.version).toBe("1.5.1");
    const listed = await listReleases();
    expect(listed.items[0]).toMatchObject({ version: "1.5.1", latest: true, digest: published.digest });
    const row = await db().proxyRelease.findUniqueOrThrow({ where: { version: "1.5.1" } });
    expect(sha256Hex(Buffer.from(row.package))).toBe(row.digest);
    const files = unpackRelease(Buffer.from(row.package), "1.5.1").files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["pac-agent.mjs", "launcher.mjs", "release/stage.mjs", "release.json"]));
    await expect(publishRelease({ version: "1.5.1", publishedBy: "test" })).rejects.toMatchObject({ code: "RELEASE_EXISTS" });
    await expect(publishRelease({ version: "one", publishedBy: "test" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("GET /api/v1/agent/releases/{version}", () => {
  it("serves the package to an agent credential; 401 without one, 404 for an unknown version", async () => {
    const { authorization } = await agentWithCredential();
    const url = "/api/v1/agent/releases/1.4.2";
    const ok = await releaseRoute.GET(new Request(`http://test${url}`, { headers: { authorization } }), {
      params: Promise.resolve({ version: "1.4.2" }),
    });
    expect(ok.status).toBe(200);
    const bytes = Buffer.from(await ok.arrayBuffer());
    const row = await db().proxyRelease.findUniqueOrThrow({ where: { version: "1.4.2" } });
    expect(sha256Hex(bytes)).toBe(row.digest);

    const anonymous = await callText(releaseRoute.GET as never, "GET", url, { params: { version: "1.4.2" } });
    expect(anonymous.status).toBe(401);
    const unknown = await call(releaseRoute.GET as never, "GET", "/api/v1/agent/releases/9.9.9", {
      params: { version: "9.9.9" },
      headers: { authorization },
    });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)?.code).toBe("NOT_FOUND");
    const bad = await call(releaseRoute.GET as never, "GET", "/api/v1/agent/releases/x", {
      params: { version: "x" },
      headers: { authorization },
    });
    expect(bad.status).toBe(400);
  });
});

describe("the heartbeat's upgrade report", () => {
  it("a rolled-back upgrade closes the task, ends upgrading, is stored, audited once and shown; a good upgrade clears it", async () => {
    const { proxy, beat, row } = await proxyUpgradingTo("1.5.0-rc.1");
    expect((await row()).status).toBe("upgrading");
    const report = { version: "1.5.0-rc.1", outcome: "rolled_back", reason: "no heartbeat within 60 s of starting" };
    const first = await beat({ upgrade: report });
    expect(first.status).toBe(200);
    expect(first.body.tasks).toEqual([]);
    const shown = await row();
    expect(shown.status).toBe("online");
    expect(shown.targetVersion).toBeNull();
    expect(shown.lastUpgradeFailure).toMatchObject({ version: "1.5.0-rc.1", outcome: "rolled_back", reason: report.reason });
    const open = await db().agentTask.count({ where: { assetId: proxy.assetId, completedAt: null } });
    expect(open).toBe(0);
    // The same report again (the answer was lost): one audit event.
    await beat({ upgrade: report });
    const events = await auditEvents("proxy.upgrade_rolled_back", proxy.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "system", details: expect.objectContaining({ reason: report.reason }) });

    // The next upgrade succeeds: the failure is cleared.
    await db().proxyServer.update({ where: { id: proxy.id }, data: { targetVersion: "1.5.0-rc.2" } });
    await beat({ proxyVersion: "1.5.0-rc.2" });
    expect((await row()).lastUpgradeFailure).toBeNull();
  });

  it("a refused release is shown as refused; a malformed report is 400, not 500", async () => {
    const { proxy, beat, row } = await proxyUpgradingTo("1.5.0-rc.3");
    await beat({ upgrade: { version: "1.5.0-rc.3", outcome: "refused", reason: "digest mismatch" } });
    expect((await row()).lastUpgradeFailure).toMatchObject({ outcome: "refused", reason: "digest mismatch" });
    expect(await auditEvents("proxy.upgrade_refused", proxy.id)).toHaveLength(1);
    const bad = await beat({ upgrade: { version: "1.5.0", outcome: "exploded", reason: "x" } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)?.code).toBe("VALIDATION_FAILED");
  });
});

const hasTools = ["bash", "curl"].every((tool) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!hasTools)("a deployed proxy upgrades for real", () => {
  async function deployed(env: Record<string, string>, hostname: string) {
    const cluster = await makeCluster();
    const deploy = await deployProxies(testContext(), cluster.id, { mode: "manual", expiresInHours: 1 }, harness.base);
    if (deploy.mode !== "manual") throw new Error("expected a manual deploy command");
    const latest = (await latestRelease())!.version;
    const { root } = await harness.run(deploy.command, {
      AEGIS_PROXY_LISTEN: "127.0.0.1:0",
      AEGIS_HOSTNAME: hostname,
      AEGIS_IPS: "10.98.0.1",
      ...env,
    });
    const proxy = await waitFor("the proxy online", async () => {
      const p = (await listProxies(cluster.id)).items.find((i) => i.asset.hostname === hostname);
      return p?.status === "online" ? p : undefined;
    });
    // It runs the latest release's files and reports their version, with the key pinned.
    expect(proxy.version).toBe(latest);
    expect(JSON.parse(readFileSync(path.join(root, "bin", "release.json"), "utf8"))).toEqual({ version: latest });
    expect(readFileSync(path.join(root, "release-key.pem"), "utf8")).toContain("BEGIN PUBLIC KEY");
    return { cluster, proxy, root };
  }

  it("switches to a newly published release, downloads it from the console, and reports the new version", async () => {
    const { cluster, proxy, root } = await deployed({ AEGIS_UPGRADE_HEALTH_SECONDS: "20" }, "upgrade-real-1");
    await publishRelease({ version: "1.7.0", publishedBy: "test" });
    await upgradeProxy(testContext(), proxy.id);
    const upgraded = await waitFor(
      "the proxy to report 1.7.0",
      async () => {
        const p = (await listProxies(cluster.id)).items.find((i) => i.id === proxy.id);
        return p?.version === "1.7.0" && p.status === "online" ? p : undefined;
      },
      30,
    );
    expect(upgraded.targetVersion).toBeNull();
    expect(upgraded.lastUpgradeFailure).toBeNull();
    expect(JSON.parse(readFileSync(path.join(root, "releases", "1.7.0", "release.json"), "utf8"))).toEqual({ version: "1.7.0" });
    expect(JSON.parse(readFileSync(path.join(root, "current.json"), "utf8"))).toMatchObject({ version: "1.7.0" });
    expect(harness.requests.some((r) => r.path === "/api/v1/agent/releases/1.7.0" && r.status === 200)).toBe(true);
  }, 60_000);

  it("rolls back a release that does not report in, and the console shows why", async () => {
    const { cluster, proxy, root } = await deployed(
      { AEGIS_UPGRADE_FAIL_HEALTH: "1", AEGIS_UPGRADE_HEALTH_SECONDS: "3" },
      "upgrade-real-2",
    );
    const before = proxy.version;
    await publishRelease({ version: "1.8.0", publishedBy: "test" });
    await upgradeProxy(testContext(), proxy.id);
    const failed = await waitFor(
      "the rolled-back report",
      async () => {
        const p = (await listProxies(cluster.id)).items.find((i) => i.id === proxy.id);
        return p?.lastUpgradeFailure ? p : undefined;
      },
      30,
    );
    expect(failed.lastUpgradeFailure).toMatchObject({ version: "1.8.0", outcome: "rolled_back" });
    expect(failed.lastUpgradeFailure!.reason).toMatch(/no heartbeat within 3 s/);
    expect(failed.version).toBe(before);
    expect(failed.targetVersion).toBeNull();
    expect(failed.status).toBe("online");
    expect(JSON.parse(readFileSync(path.join(root, "current.json"), "utf8"))).toMatchObject({ dir: path.join(root, "bin") });
    expect(existsSync(path.join(root, "upgrade-report.json"))).toBe(false);
  }, 60_000);

  it("a quick-deployed proxy upgrades its agent program: the agent restarts into the new release", async () => {
    const cluster = await makeCluster();
    const install = await createInstallCommand(
      testContext(),
      { region: "cn", clusterId: null, os: "linux", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
      harness.base,
    );
    const { root } = await harness.run(install.command, {
      AEGIS_HOSTNAME: "upgrade-agent-1",
      AEGIS_IPS: "10.98.1.1",
      AEGIS_SERVER_TYPE: "host",
      AEGIS_PROXY_LISTEN: "127.0.0.1:0",
      AEGIS_DATA: "0",
      AEGIS_UPGRADE_HEALTH_SECONDS: "20",
    });
    const { assetId } = JSON.parse(readFileSync(path.join(root, "config.json"), "utf8")) as { assetId: string };
    await waitFor("the agent online", async () => {
      const a = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
      return a.agentLastSeenAt && Date.now() - a.agentLastSeenAt.getTime() < 1500 ? true : undefined;
    });
    await deployProxies(testContext(), cluster.id, { mode: "quick", assetIds: [assetId] }, harness.base);
    const proxy = await waitFor("the quick-deployed proxy online", async () => {
      const p = (await listProxies(cluster.id)).items.find((i) => i.asset.hostname === "upgrade-agent-1");
      return p?.status === "online" ? p : undefined;
    });
    await publishRelease({ version: "1.9.0", publishedBy: "test" });
    await upgradeProxy(testContext(), proxy.id);
    await waitFor(
      "the quick-deployed proxy to report 1.9.0",
      async () => {
        const p = (await listProxies(cluster.id)).items.find((i) => i.id === proxy.id);
        return p?.version === "1.9.0" && p.status === "online" ? p : undefined;
      },
      30,
    );
    expect(JSON.parse(readFileSync(path.join(root, "current.json"), "utf8"))).toMatchObject({
      version: "1.9.0",
      dir: path.join(root, "releases", "1.9.0"),
    });
    const log = readFileSync(path.join(root, "log", "agent.log"), "utf8");
    expect(log).toContain("switching to the staged release");
  }, 60_000);
});
