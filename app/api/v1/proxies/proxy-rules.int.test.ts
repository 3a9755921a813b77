// Issue #4 as a table: every refusal of deploy, register, heartbeat, upgrade and delete, with its
// status and code, through the routes — and a refusal changes no proxy, token, task or asset.
import { beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { publishTestReleases } from "@/lib/testing/releases";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { agentWithCredential, ALWAYS, LONG_AGO, onlineAsset, servingProxy, UNKNOWN_ID } from "@/lib/testing/fleet";
import { errorOf, type CallResult } from "@/lib/testing/http";
import { proxyApi } from "@/lib/testing/proxy-api";

let api: ReturnType<typeof proxyApi>;
type Fx = Awaited<ReturnType<typeof fixtures>>;
let fx: Fx;

async function proxyOn(clusterId: string, proxy: { version: string; targetVersion?: string; heartbeat: Date }, agentSeen: Date) {
  const asset = await onlineAsset("cn", { agentLastSeenAt: agentSeen });
  return db().proxyServer.create({
    data: {
      clusterId,
      assetId: asset.id,
      mode: "quick",
      version: proxy.version,
      targetVersion: proxy.targetVersion ?? null,
      lastHeartbeatAt: proxy.heartbeat,
    },
  });
}

async function fixtures() {
  const domain = await makeCluster({ address: "proxies.example.com" });
  const ipEmpty = await makeCluster({ address: "10.0.0.7" });
  const ipFull = await makeCluster({ address: "10.0.0.8" });
  const tokenForFull = (await api.deploy(ipFull.id, { mode: "manual" })).body.token; // issued while it was empty
  await servingProxy(ipFull.id);
  const usedToken = (await api.deploy(domain.id, { mode: "manual" })).body.token;
  const first = await api.register(usedToken);
  const expiredToken = (await api.deploy(domain.id, { mode: "manual" })).body.token;
  await db().deployToken.update({
    where: { tokenHash: hashToken(expiredToken) },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  const spareToken = (await api.deploy(domain.id, { mode: "manual" })).body.token;
  const otherCluster = await makeCluster();
  const elsewhere = await servingProxy(otherCluster.id);
  const elsewhereAsset = await db().asset.findUniqueOrThrow({ where: { id: elsewhere.assetId } });
  // A proxy deleted from the console while its daemon still runs (quick deploy: the agent's credential).
  const deletedAgent = await agentWithCredential();
  const deleted = await db().proxyServer.create({
    data: { clusterId: domain.id, assetId: deletedAgent.asset.id, mode: "quick", version: "1.5.0" },
  });
  await db().proxyServer.delete({ where: { id: deleted.id } });
  return {
    domain,
    ipEmpty,
    ipFull,
    tokenForFull,
    usedToken,
    expiredToken,
    spareToken,
    registered: first.body,
    linux: await onlineAsset("cn"),
    linux2: await onlineAsset("cn"),
    windows: await onlineAsset("cn", { os: "windows", osVersion: "Windows Server 2022" }),
    container: await onlineAsset("cn", { type: "container" }),
    silentLinux: await onlineAsset("cn", { agentLastSeenAt: LONG_AGO }),
    intlLinux: await onlineAsset("intl"),
    elsewhereAsset,
    latest: await proxyOn(domain.id, { version: "1.5.0", heartbeat: ALWAYS }, ALWAYS),
    upgrading: await proxyOn(domain.id, { version: "1.4.2", targetVersion: "1.5.0", heartbeat: ALWAYS }, ALWAYS),
    agentSilent: await proxyOn(domain.id, { version: "1.4.2", heartbeat: ALWAYS }, LONG_AGO),
    allSilent: await proxyOn(domain.id, { version: "1.4.2", heartbeat: LONG_AGO }, LONG_AGO),
    deleted,
    deletedAgent,
  };
}

beforeAll(async () => {
  await publishTestReleases();
  api = proxyApi(await apiToken("operator"));
  fx = await fixtures();
});

type Row = [name: string, status: number, code: string, send: () => Promise<CallResult>];
const quick =
  (clusterId: () => string, ...assets: (() => string)[]) =>
  () =>
    api.deploy(clusterId(), { mode: "quick", assetIds: assets.map((a) => a()) });

const rows: Row[] = [
  // Deploy (POST /api/v1/clusters/{id}/proxies)
  [
    "quick: a Windows server (R5)",
    422,
    "NOT_LINUX",
    quick(
      () => fx.domain.id,
      () => fx.windows.id,
    ),
  ],
  [
    "quick: a container (issue 13 point 20: listed with this reason, refused alike)",
    422,
    "NOT_ELIGIBLE",
    quick(
      () => fx.domain.id,
      () => fx.container.id,
    ),
  ],
  [
    "quick: an offline agent (R5)",
    422,
    "AGENT_OFFLINE",
    quick(
      () => fx.domain.id,
      () => fx.silentLinux.id,
    ),
  ],
  [
    "quick: another region's server (R1)",
    422,
    "REGION_MISMATCH",
    quick(
      () => fx.domain.id,
      () => fx.intlLinux.id,
    ),
  ],
  [
    "quick: already a proxy of another cluster",
    409,
    "ALREADY_PROXY",
    quick(
      () => fx.domain.id,
      () => fx.elsewhereAsset.id,
    ),
  ],
  [
    "quick: an unknown asset",
    404,
    "NOT_FOUND",
    quick(
      () => fx.domain.id,
      () => UNKNOWN_ID,
    ),
  ],
  [
    "quick: a second proxy for an IP cluster (R4)",
    422,
    "IP_CLUSTER_SINGLE_PROXY",
    quick(
      () => fx.ipFull.id,
      () => fx.linux.id,
    ),
  ],
  [
    "quick: two proxies at once for an empty IP cluster (R4)",
    422,
    "IP_CLUSTER_SINGLE_PROXY",
    quick(
      () => fx.ipEmpty.id,
      () => fx.linux.id,
      () => fx.linux2.id,
    ),
  ],
  [
    "manual: a command for a full IP cluster (R4)",
    422,
    "IP_CLUSTER_SINGLE_PROXY",
    () => api.deploy(fx.ipFull.id, { mode: "manual" }),
  ],
  ["deploy into an unknown cluster", 404, "NOT_FOUND", () => api.deploy(UNKNOWN_ID, { mode: "manual" })],
  ["quick: no assets", 400, "VALIDATION_FAILED", () => api.deploy(fx.domain.id, { mode: "quick", assetIds: [] })],
  // Manual registration (POST /api/v1/agent/proxies/register)
  ["register: deploy token used before", 410, "GONE", () => api.register(fx.usedToken)],
  ["register: deploy token expired", 410, "GONE", () => api.register(fx.expiredToken)],
  ["register: unknown deploy token", 401, "UNAUTHENTICATED", () => api.register(`pdp_${"f".repeat(43)}`)],
  ["register: a Windows server (R5)", 422, "NOT_LINUX", () => api.register(fx.spareToken, { os: "windows" })],
  [
    "register: into an IP cluster that got its proxy meanwhile (R4)",
    422,
    "IP_CLUSTER_SINGLE_PROXY",
    () => api.register(fx.tokenForFull),
  ],
  [
    "register: a server that already is a proxy",
    409,
    "ALREADY_PROXY",
    () => api.register(fx.spareToken, { hostname: fx.elsewhereAsset.hostname, ips: fx.elsewhereAsset.ips }),
  ],
  // Heartbeats (POST /api/v1/agent/proxies/{id}/heartbeat, /api/v1/agent/heartbeat)
  ["heartbeat: forged credential", 401, "UNAUTHENTICATED", () => api.heartbeat(fx.registered.proxyId, `pag_${"x".repeat(43)}`)],
  [
    "heartbeat: an API token instead of a credential",
    401,
    "UNAUTHENTICATED",
    () => api.heartbeat(fx.registered.proxyId, "pac_x"),
  ],
  ["heartbeat: another server's credential", 403, "FORBIDDEN", () => api.heartbeat(fx.latest.id, fx.registered.credential)],
  ["heartbeat: the proxy was deleted", 410, "GONE", () => api.heartbeat(fx.deleted.id, fx.deletedAgent.credential)],
  [
    "heartbeat: a counter beyond what a 64-bit column holds",
    400,
    "VALIDATION_FAILED",
    () => api.heartbeat(fx.registered.proxyId, fx.registered.credential, "1.5.0", null, { bytesRelayed: 1e21 }),
  ],
  ["agent heartbeat: forged credential", 401, "UNAUTHENTICATED", () => api.agentHeartbeat(`pag_${"y".repeat(43)}`)],
  // Upgrade (R10) and delete (R8)
  ["upgrade: already the latest version (R10)", 422, "ALREADY_LATEST", () => api.upgrade(fx.latest.id)],
  ["upgrade: agent offline, proxy still heartbeating (R10)", 422, "AGENT_OFFLINE", () => api.upgrade(fx.agentSilent.id)],
  ["upgrade: proxy and agent offline (R10)", 422, "AGENT_OFFLINE", () => api.upgrade(fx.allSilent.id)],
  ["upgrade: already upgrading", 409, "PROXY_BUSY", () => api.upgrade(fx.upgrading.id)],
  ["upgrade: unknown proxy", 404, "NOT_FOUND", () => api.upgrade(UNKNOWN_ID)],
  ["delete: online (R8)", 409, "PROXY_ONLINE", () => api.remove(fx.latest.id)],
  ["delete: upgrading, still relaying (R8)", 409, "PROXY_ONLINE", () => api.remove(fx.upgrading.id)],
  ["delete: unknown proxy", 404, "NOT_FOUND", () => api.remove(UNKNOWN_ID)],
  ["stop: not running", 409, "PROXY_NOT_RUNNING", () => api.stop(fx.allSilent.id)],
];

const state = async () => ({
  proxies: await db().proxyServer.findMany({ orderBy: { id: "asc" } }),
  tokens: await db().deployToken.findMany({ orderBy: { id: "asc" } }),
  tasks: await db().agentTask.count(),
  assets: await db().asset.count(),
});

describe("proxy rules: refused with status and code, nothing changed", () => {
  it.each(rows)("%s → %i %s", async (_name, status, code, send) => {
    const before = await state();
    const result = await send();
    expect([result.status, errorOf(result)?.code]).toEqual([status, code]);
    expect(errorOf(result)?.message).toBeTruthy();
    expect(await state()).toEqual(before);
  });

  it("deploy-token refusals say why: used, expired", async () => {
    expect(errorOf(await api.register(fx.usedToken))?.details).toEqual({ reason: "used" });
    expect(errorOf(await api.register(fx.expiredToken))?.details).toEqual({ reason: "expired" });
  });
});
