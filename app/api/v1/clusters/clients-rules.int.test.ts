// Issue #5 as a table: each refusal of POST /api/v1/clusters/{id}/clients (R11–R13, R17) with its
// status, code and numbers; a refused batch connects nothing, opens no batch, keeps the count,
// and is audited as a failure. All or nothing with one bad server in the middle of a batch.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updatePolicy } from "@/lib/policy/policy";
import { clientsApi } from "@/lib/testing/clients-api";
import { apiToken, auditEvents, insertClient, makeCluster, testContext } from "@/lib/testing/fixtures";
import { LONG_AGO, onlineAsset, onlineAssets, servingProxy, UNKNOWN_ID } from "@/lib/testing/fleet";
import { errorOf } from "@/lib/testing/http";

let api: ReturnType<typeof clientsApi>;
beforeAll(async () => {
  api = clientsApi(await apiToken("operator"));
});

/** A domain cluster with one 8-core/16 GB proxy online (capacity 6,000). */
async function readyCluster() {
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  return cluster;
}

type Setup = () => Promise<{ clusterId: string; assetIds: string[] }>;
type Row = [name: string, status: number, code: string, setup: Setup, details?: Record<string, unknown>, reason?: string];

const rows: Row[] = [
  [
    "501 servers (R12)",
    422,
    "BATCH_TOO_LARGE",
    async () => ({ clusterId: (await readyCluster()).id, assetIds: Array.from({ length: 501 }, () => randomUUID()) }),
    { max: 500, requested: 501 },
  ],
  [
    "an offline agent (R11)",
    422,
    "AGENT_OFFLINE",
    async () => ({
      clusterId: (await readyCluster()).id,
      assetIds: [(await onlineAsset("cn", { agentLastSeenAt: LONG_AGO })).id],
    }),
    undefined,
    "agent_offline",
  ],
  [
    "another region's server (R1)",
    422,
    "REGION_MISMATCH",
    async () => ({ clusterId: (await readyCluster()).id, assetIds: [(await onlineAsset("intl")).id] }),
    undefined,
    "region_mismatch",
  ],
  [
    "an unknown server",
    404,
    "NOT_FOUND",
    async () => ({ clusterId: (await readyCluster()).id, assetIds: [UNKNOWN_ID] }),
    undefined,
    "not_found",
  ],
  [
    "a proxy server as a client",
    422,
    "NOT_ELIGIBLE",
    async () => {
      const cluster = await readyCluster();
      const proxy = await servingProxy((await makeCluster()).id);
      return { clusterId: cluster.id, assetIds: [proxy.assetId] };
    },
    undefined,
    "is_proxy",
  ],
  [
    "more than the online proxies serve (R13)",
    422,
    "CAPACITY_EXCEEDED",
    async () => {
      const cluster = await makeCluster();
      await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 64 }); // floor(6000 × 64/16384) = 23
      for (let i = 0; i < 22; i++) await insertClient(cluster.id);
      return { clusterId: cluster.id, assetIds: await onlineAssets("cn", 2) };
    },
    { capacity: 23, onlineProxies: 1, unknownSizeProxies: 0, current: 22, requested: 2 },
  ],
  [
    "more than the online proxies' real sizes add up to; an offline proxy adds nothing (R13)",
    422,
    "CAPACITY_EXCEEDED",
    async () => {
      const cluster = await makeCluster();
      await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 64 }); // 23
      await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 32 }); // floor(6000 × 32/16384) = 11
      const silent = await servingProxy(cluster.id);
      await db().proxyServer.update({ where: { id: silent.id }, data: { lastHeartbeatAt: LONG_AGO } });
      for (let i = 0; i < 30; i++) await insertClient(cluster.id);
      return { clusterId: cluster.id, assetIds: await onlineAssets("cn", 5) };
    },
    { capacity: 34, onlineProxies: 2, unknownSizeProxies: 0, current: 30, requested: 5 },
  ],
  [
    "an online proxy that never reported its size counts 0, and says so (R13)",
    422,
    "CAPACITY_EXCEEDED",
    async () => {
      const cluster = await makeCluster();
      const proxy = await servingProxy(cluster.id);
      await db().asset.update({ where: { id: proxy.assetId }, data: { cpuCores: null, memoryMb: null } });
      return { clusterId: cluster.id, assetIds: await onlineAssets("cn", 3) };
    },
    { capacity: 0, onlineProxies: 1, unknownSizeProxies: 1, current: 0, requested: 3 },
  ],
  [
    "no online proxy (R13)",
    422,
    "CAPACITY_EXCEEDED",
    async () => ({ clusterId: (await makeCluster()).id, assetIds: await onlineAssets("cn", 1) }),
    { capacity: 0, onlineProxies: 0, unknownSizeProxies: 0, current: 0, requested: 1 },
  ],
  [
    "beyond 60% of a custom bandwidth (R17)",
    422,
    "BANDWIDTH_HEADROOM",
    async () => {
      const cluster = await readyCluster();
      await updatePolicy(testContext(), cluster.id, { mode: "backflow", bandwidthKbps: 100, frequencyPerMin: null });
      return { clusterId: cluster.id, assetIds: await onlineAssets("cn", 7) };
    },
    { clients: 7, requiredKbps: 70, limitKbps: 100, allowedKbps: 60, minimumKbps: 117 },
  ],
  [
    "a second batch within the interval (R12)",
    429,
    "BATCH_INTERVAL",
    async () => {
      const cluster = await readyCluster();
      expect((await api.connect(cluster.id, await onlineAssets("cn", 1))).status).toBe(201);
      return { clusterId: cluster.id, assetIds: await onlineAssets("cn", 1) };
    },
  ],
  ["an empty selection", 400, "VALIDATION_FAILED", async () => ({ clusterId: (await readyCluster()).id, assetIds: [] })],
  ["an unknown cluster", 404, "NOT_FOUND", async () => ({ clusterId: UNKNOWN_ID, assetIds: await onlineAssets("cn", 1) })],
];

async function clusterState(clusterId: string) {
  const [cluster, connections, batches] = await Promise.all([
    db().proxyCluster.findUnique({ where: { id: clusterId }, select: { clientCount: true } }),
    db().clientConnection.count({ where: { clusterId } }),
    db().connectionBatch.count({ where: { clusterId } }),
  ]);
  return { clientCount: cluster?.clientCount ?? null, connections, batches };
}

describe("POST /api/v1/clusters/{id}/clients: refused with status, code and numbers; nothing changes", () => {
  it.each(rows)("%s → %i %s", async (_name, status, code, setup, details, reason) => {
    const { clusterId, assetIds } = await setup();
    const before = await clusterState(clusterId);
    const result = await api.connect(clusterId, assetIds);
    expect([result.status, errorOf(result)?.code]).toEqual([status, code]);
    if (details) expect(errorOf(result)?.details).toMatchObject(details);
    // Which server and why, for the refusals about servers; none for the others.
    const problems = (errorOf(result)?.details as { problems?: { reason: string }[] } | undefined)?.problems;
    expect(problems?.map((p) => p.reason)).toEqual(reason ? [reason] : undefined);
    // "Refused with the numbers": every figure of the details is in the message too.
    for (const n of Object.values(details ?? {})) expect(errorOf(result)?.message).toContain(String(n));
    expect(await clusterState(clusterId)).toEqual(before);
    if (status !== 400 && clusterId !== UNKNOWN_ID) {
      const failures = (await auditEvents("clients.connect", clusterId)).filter((e) => e.outcome === "failure");
      expect(failures.map((e) => e.errorCode)).toEqual([code]);
    }
  });

  it("BATCH_INTERVAL: Retry-After is a whole number of seconds, the same in the body; the batch then goes through", async () => {
    const cluster = await readyCluster();
    await api.connect(cluster.id, await onlineAssets("cn", 1));
    const next = await onlineAssets("cn", 1);
    const refused = await api.connect(cluster.id, next);
    expect(refused.status).toBe(429);
    const retryAfter = refused.headers.get("retry-after")!;
    expect(retryAfter).toMatch(/^[1-3]$/); // BATCH_INTERVAL_SECONDS=2, "more than" 2 s apart
    expect(errorOf(refused)?.details).toMatchObject({ retryAfterSeconds: Number(retryAfter), intervalSeconds: 2 });
    await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1000));
    expect((await api.connect(cluster.id, next)).status).toBe(201);
  });

  it("exactly 500 servers are one batch (R12)", async () => {
    const cluster = await readyCluster();
    const result = await api.connect(cluster.id, await onlineAssets("cn", 500));
    expect(result).toMatchObject({ status: 201, body: { connected: 500, clientCount: 500 } });
    expect(await db().connectionBatch.findMany({ where: { clusterId: cluster.id }, select: { size: true } })).toEqual([
      { size: 500 },
    ]);
  });
});

describe("all or nothing", () => {
  it.each<[string, string, (a: Awaited<ReturnType<typeof onlineAsset>>) => Promise<unknown>]>([
    ["an offline agent", "AGENT_OFFLINE", (a) => db().asset.update({ where: { id: a.id }, data: { agentLastSeenAt: LONG_AGO } })],
    ["another region's server", "REGION_MISMATCH", (a) => db().asset.update({ where: { id: a.id }, data: { region: "intl" } })],
  ])("one bad server (%s) in the middle: no connection, no move, no batch, counts unchanged", async (_what, code, spoil) => {
    const target = await readyCluster();
    const other = await readyCluster();
    const [a, moving, bad, d, e] = await Promise.all(Array.from({ length: 5 }, () => onlineAsset("cn")));
    expect((await api.connect(other.id, [moving!.id])).status).toBe(201);
    await spoil(bad!);
    const before = [await clusterState(target.id), await clusterState(other.id)];
    const result = await api.connect(target.id, [a!.id, moving!.id, bad!.id, d!.id, e!.id]);
    expect([result.status, errorOf(result)?.code]).toEqual([422, code]);
    expect(errorOf(result)?.details).toMatchObject({ count: 1, problems: [expect.objectContaining({ assetId: bad!.id })] });
    expect(errorOf(result)?.message).toMatch(/Nothing was connected/);
    expect([await clusterState(target.id), await clusterState(other.id)]).toEqual(before);
    expect(await db().clientConnection.findUnique({ where: { assetId: moving!.id } })).toMatchObject({ clusterId: other.id });
  });

  it("a write that fails in the middle (after the batch row, the move and the counts): all of it rolls back", async () => {
    const target = await readyCluster();
    const other = await readyCluster();
    const [a, moving, bad] = await Promise.all(Array.from({ length: 3 }, () => onlineAsset("cn")));
    expect((await api.connect(other.id, [moving!.id])).status).toBe(201);
    // The database refuses the bad server's connection row, so the batch's last write fails after
    // every check has passed and the earlier writes are done.
    await db().$executeRawUnsafe(
      `CREATE FUNCTION refuse_one_asset() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.asset_id = '${bad!.id}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
    );
    await db().$executeRawUnsafe(
      "CREATE TRIGGER refuse_one_asset BEFORE INSERT ON client_connection FOR EACH ROW EXECUTE FUNCTION refuse_one_asset()",
    );
    try {
      const before = [await clusterState(target.id), await clusterState(other.id)];
      const result = await api.connect(target.id, [a!.id, moving!.id, bad!.id]);
      expect([result.status, errorOf(result)?.code]).toEqual([500, "INTERNAL"]);
      expect([await clusterState(target.id), await clusterState(other.id)]).toEqual(before);
      expect(await db().clientConnection.findUnique({ where: { assetId: moving!.id } })).toMatchObject({ clusterId: other.id });
      expect(await auditEvents("clients.moved_out", other.id)).toEqual([]);
      expect((await auditEvents("clients.connect", target.id)).filter((e) => e.outcome === "success")).toEqual([]);
    } finally {
      await db().$executeRawUnsafe("DROP TRIGGER refuse_one_asset ON client_connection");
      await db().$executeRawUnsafe("DROP FUNCTION refuse_one_asset()");
    }
  });
});
