// Rolling upgrades on real PostgreSQL (issue 17): the routes (preview, create, read, pause,
// resume, cancel) and the job: k at a time, the minimum kept, R10 skips with reasons, a pause on
// the first failure, resumed by whichever instance claims it, audited per step.
import { beforeAll, describe, expect, it } from "vitest";
import * as actionRoute from "@/app/api/v1/clusters/[id]/upgrade-rollouts/[rolloutId]/[action]/route";
import * as itemRoute from "@/app/api/v1/clusters/[id]/upgrade-rollouts/[rolloutId]/route";
import * as previewRoute from "@/app/api/v1/clusters/[id]/upgrade-rollouts/preview/route";
import * as rolloutsRoute from "@/app/api/v1/clusters/[id]/upgrade-rollouts/route";
import { db } from "@/lib/db/client";
import { publishTestReleases } from "@/lib/testing/releases";
import { apiToken, auditEvents, makeCluster } from "@/lib/testing/fixtures";
import { ALWAYS, LONG_AGO, onlineAsset } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";
import type { RolloutDto, RolloutPreviewDto } from "./responses";
import { advanceOneRollout, runDueRollouts } from "./run-rollouts";

const LATEST = "1.5.0";
const OLD = "1.4.2";
let headers: Record<string, string>;
let viewer: Record<string, string>;
beforeAll(async () => {
  await publishTestReleases();
  headers = { authorization: `Bearer ${await apiToken("operator")}` };
  viewer = { authorization: `Bearer ${await apiToken("viewer")}` };
});

async function clusterWith(
  names: string[],
  min = 1,
  over: Record<string, { version?: string; agentOffline?: boolean; offline?: boolean }> = {},
) {
  const cluster = await makeCluster({ address: "rollout.example.com" });
  await db().proxyCluster.update({ where: { id: cluster.id }, data: { minOnlineProxies: min } });
  const ids: Record<string, string> = {};
  for (const name of names) {
    const o = over[name] ?? {};
    const asset = await onlineAsset("cn", {
      hostname: `${name}-${cluster.id.slice(0, 6)}`,
      agentInstalled: true,
      agentLastSeenAt: o.agentOffline ? LONG_AGO : ALWAYS,
    });
    const proxy = await db().proxyServer.create({
      data: {
        clusterId: cluster.id,
        assetId: asset.id,
        mode: "manual",
        version: o.version ?? OLD,
        lastHeartbeatAt: o.offline ? LONG_AGO : ALWAYS,
      },
    });
    ids[name] = proxy.id;
  }
  return { cluster, ids };
}

const create = (clusterId: string, body: unknown = {}, h = headers) =>
  call<RolloutDto>(rolloutsRoute.POST, "POST", "/", { params: { id: clusterId }, headers: h, body });
const read = async (clusterId: string, rolloutId: string) =>
  (await call<RolloutDto>(itemRoute.GET, "GET", "/", { params: { id: clusterId, rolloutId }, headers: viewer })).body;
const act = (clusterId: string, rolloutId: string, action: string) =>
  call<RolloutDto>(actionRoute.POST, "POST", "/", { params: { id: clusterId, rolloutId, action }, headers });
/** What the proxy's heartbeat does when it reports the version it was asked for. */
const reportVersion = (proxyId: string, version = LATEST) =>
  db().proxyServer.update({ where: { id: proxyId }, data: { version, targetVersion: null } });
const states = (r: RolloutDto) =>
  r.steps.map((s) => `${s.name.split("-")[0]}:${s.state}${s.reason ? `(${s.reason})` : ""}`).join(" ");
/** Advance until no rollout is due any more (each pass sets the next run 2 s ahead). */
async function tick(rolloutId: string) {
  await db().upgradeRollout.update({ where: { id: rolloutId }, data: { nextRunAt: new Date(Date.now() - 1000) } });
  await runDueRollouts();
}

describe("upgrade rollouts", () => {
  it("previews the plan with R10's skip reasons, refuses a second rollout and viewers", async () => {
    const { cluster } = await clusterWith(["a", "b", "c", "d"], 1, { b: { version: LATEST }, c: { agentOffline: true } });
    const preview = await call<RolloutPreviewDto>(previewRoute.GET, "GET", "/", { params: { id: cluster.id }, headers: viewer });
    expect(preview.status).toBe(200);
    expect(preview.body.targetVersion).toBe(LATEST);
    expect(preview.body.blocked).toBeNull();
    expect(preview.body.steps.map((s) => `${s.name.split("-")[0]}:${s.state}${s.reason ? `(${s.reason})` : ""}`).join(" ")).toBe(
      "a:pending b:skipped(already_latest) c:skipped(agent_offline) d:pending",
    );
    expect((await create(cluster.id, {}, viewer)).status).toBe(403);
    expect(errorOf(await create(cluster.id, { batchSize: 0 }))?.code).toBe("VALIDATION_FAILED");
    const first = await create(cluster.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: "running",
      batchSize: 1,
      targetVersion: LATEST,
      counts: { total: 4, pending: 2, skipped: 2 },
    });
    const second = await create(cluster.id);
    expect([second.status, errorOf(second)?.code]).toEqual([409, "ROLLOUT_ACTIVE"]);
    const again = await call<RolloutPreviewDto>(previewRoute.GET, "GET", "/", { params: { id: cluster.id }, headers: viewer });
    expect(again.body.blocked?.code).toBe("ROLLOUT_ACTIVE");
    const [event] = await auditEvents("upgrade_rollout.create", cluster.id);
    expect(event?.details).toMatchObject({ rolloutId: first.body.id, to: LATEST, proxies: 2 });
  });

  it("refuses when one restart would leave fewer than the minimum, and when nothing can be upgraded", async () => {
    const full = await clusterWith(["a", "b", "c"], 3);
    const refused = await create(full.cluster.id);
    expect([refused.status, errorOf(refused)?.code]).toEqual([409, "BELOW_MINIMUM"]);
    const latest = await clusterWith(["a", "b"], 1, { a: { version: LATEST }, b: { version: LATEST } });
    expect(errorOf(await create(latest.cluster.id))?.code).toBe("ALREADY_LATEST");
  });

  it("upgrades one at a time, waits for each to report, audits each step, and finishes", async () => {
    const { cluster, ids } = await clusterWith(["a", "b", "c"]);
    const rollout = (await create(cluster.id)).body;
    await tick(rollout.id);
    let now = await read(cluster.id, rollout.id);
    expect(states(now)).toBe("a:upgrading b:pending c:pending");
    // The upgrade was queued as Upgrade does: the proxy shows upgrading, its task waits (R10).
    const a = await db().proxyServer.findUniqueOrThrow({ where: { id: ids.a! } });
    expect(a.targetVersion).toBe(LATEST);
    expect(await db().agentTask.count({ where: { assetId: a.assetId, type: "upgrade_proxy", completedAt: null } })).toBe(1);
    await tick(rollout.id);
    expect(states(await read(cluster.id, rollout.id))).toBe("a:upgrading b:pending c:pending");
    await reportVersion(ids.a!);
    await tick(rollout.id);
    expect(states(await read(cluster.id, rollout.id))).toBe("a:done b:upgrading c:pending");
    await reportVersion(ids.b!);
    await tick(rollout.id);
    await reportVersion(ids.c!);
    await tick(rollout.id);
    now = await read(cluster.id, rollout.id);
    expect([now.status, states(now), now.finishedAt !== null, now.etaSeconds]).toEqual([
      "done",
      "a:done b:done c:done",
      true,
      null,
    ]);
    const steps = await db().auditEvent.findMany({
      where: { action: "upgrade_rollout.step", details: { path: ["rolloutId"], equals: rollout.id } },
      orderBy: { id: "asc" },
    });
    expect(steps.map((e) => `${(e.details as { outcome: string }).outcome}:${e.targetName?.split("-")[0]}`)).toEqual([
      "started:a",
      "upgraded:a",
      "started:b",
      "upgraded:b",
      "started:c",
      "upgraded:c",
    ]);
    expect(await auditEvents("upgrade_rollout.finish", cluster.id)).toHaveLength(1);
  });

  it("k at a time, but never below the cluster's minimum", async () => {
    const { cluster } = await clusterWith(["a", "b", "c", "d"], 2);
    const rollout = (await create(cluster.id, { batchSize: 3 })).body;
    await tick(rollout.id);
    // 4 online, minimum 2: two may restart at once although k is 3.
    expect(states(await read(cluster.id, rollout.id))).toBe("a:upgrading b:upgrading c:pending d:pending");
  });

  it("pauses on the first failure with the proxy's reason; resume goes on with the rest", async () => {
    const { cluster, ids } = await clusterWith(["a", "b"]);
    const rollout = (await create(cluster.id)).body;
    await tick(rollout.id);
    await db().proxyServer.update({
      where: { id: ids.a! },
      data: {
        targetVersion: null,
        upgradeFailedVersion: LATEST,
        upgradeFailedReason: "no heartbeat within 60 s; rolled back",
        upgradeFailedAt: new Date(),
      },
    });
    await tick(rollout.id);
    let now = await read(cluster.id, rollout.id);
    expect([now.status, now.hold, states(now)]).toEqual([
      "paused",
      { code: "step_failed", proxyId: ids.a, message: "no heartbeat within 60 s; rolled back" },
      "a:failed(upgrade_failed) b:pending",
    ]);
    expect((await act(cluster.id, rollout.id, "pause")).status).toBe(409);
    const resumed = await act(cluster.id, rollout.id, "resume");
    expect([resumed.status, resumed.body.status, resumed.body.hold]).toEqual([200, "running", null]);
    await tick(rollout.id);
    now = await read(cluster.id, rollout.id);
    expect(states(now)).toBe("a:failed(upgrade_failed) b:upgrading");
    const failed = await db().auditEvent.findMany({
      where: { action: "upgrade_rollout.step", targetId: ids.a },
      orderBy: { id: "asc" },
    });
    expect(failed.map((e) => (e.details as { outcome: string }).outcome)).toEqual(["started", "failed"]);
  });

  it("pause, resume and cancel; a cancelled rollout is left alone", async () => {
    const { cluster } = await clusterWith(["a", "b", "c"]);
    const rollout = (await create(cluster.id)).body;
    const paused = await act(cluster.id, rollout.id, "pause");
    expect([paused.body.status, paused.body.hold?.code]).toEqual(["paused", "paused"]);
    await tick(rollout.id);
    expect(states(await read(cluster.id, rollout.id))).toBe("a:pending b:pending c:pending");
    expect((await act(cluster.id, rollout.id, "resume")).body.status).toBe("running");
    const cancelled = await act(cluster.id, rollout.id, "cancel");
    expect([cancelled.body.status, cancelled.body.finishedAt !== null]).toEqual(["cancelled", true]);
    expect(errorOf(await act(cluster.id, rollout.id, "resume"))?.code).toBe("ROLLOUT_STATE");
    expect(errorOf(await act(cluster.id, rollout.id, "stop"))?.code).toBe("VALIDATION_FAILED");
    expect(
      await advanceOneRollout()
        .then(() => read(cluster.id, rollout.id))
        .then(states),
    ).toBe("a:pending b:pending c:pending");
    // Another rollout may start now.
    expect((await create(cluster.id)).status).toBe(201);
  });

  it("two instances advancing at once take each step once (the row is claimed)", async () => {
    const { cluster } = await clusterWith(["a", "b", "c"], 1);
    const rollout = (await create(cluster.id, { batchSize: 2 })).body;
    // Only this one is due, so each of the three passes can only claim it.
    await db().upgradeRollout.updateMany({ where: { id: { not: rollout.id } }, data: { nextRunAt: ALWAYS } });
    await Promise.all([advanceOneRollout(), advanceOneRollout(), advanceOneRollout()]);
    const now = await read(cluster.id, rollout.id);
    expect(states(now)).toBe("a:upgrading b:upgrading c:pending");
    const proxies = await db().proxyServer.findMany({ where: { clusterId: cluster.id }, select: { assetId: true } });
    expect(await db().agentTask.count({ where: { type: "upgrade_proxy", assetId: { in: proxies.map((p) => p.assetId) } } })).toBe(
      2,
    );
  });
});
