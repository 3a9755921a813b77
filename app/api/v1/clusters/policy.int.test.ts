// R17/R18 through PUT /api/v1/clusters/{id}/policy as a table: a custom bandwidth must leave the
// clients' need (R14: 10 Kbit/s each) at most 60% of it — refused with the numbers, accepted at
// exactly 60%; cache paths absolute without `..` or NUL; only supported data types. Every change
// bumps the version that proxies receive in their heartbeat answers.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CACHE_DATA_TYPE_IDS } from "@/lib/policy/data-types";
import { publishTestReleases } from "@/lib/testing/releases";
import { apiToken, auditEvents, insertClient, makeCluster } from "@/lib/testing/fixtures";
import { call, errorOf, fieldPaths } from "@/lib/testing/http";
import { proxyApi } from "@/lib/testing/proxy-api";
import * as policy from "./[id]/policy/route";

let headers: Record<string, string>;
let token: string;
beforeAll(async () => {
  await publishTestReleases();
  token = await apiToken("operator");
  headers = { authorization: `Bearer ${token}` };
});

type PolicyBody = { version: number; mode: string; bandwidthKbps: number | null; cacheFile: string; requiredKbps: number };
const get = (id: string) => call<PolicyBody>(policy.GET, "GET", "/", { params: { id }, headers });
const put = (id: string, body: unknown) => call<PolicyBody>(policy.PUT, "PUT", "/", { params: { id }, headers, body });
const backflow = (bandwidthKbps: number | null) => ({ mode: "backflow", bandwidthKbps, frequencyPerMin: null });
const cache = (extra: Record<string, unknown> = {}) => ({ mode: "cache", dataTypes: ["security_alerts"], ...extra });

/** A cluster with 30 connected clients: they need 300 Kbit/s, so 500 Kbit/s is exactly 60%. */
async function clusterWith30Clients() {
  const cluster = await makeCluster();
  for (let i = 0; i < 30; i++) await insertClient(cluster.id);
  return cluster.id;
}

describe("PUT policy: the rules as a table", () => {
  let clusterId: string;
  beforeAll(async () => {
    clusterId = await clusterWith30Clients();
  });

  it.each<[string, unknown, number, string | null, (string[] | Record<string, unknown>)?]>([
    [
      "custom bandwidth below the 60% line (R17)",
      backflow(499),
      422,
      "BANDWIDTH_HEADROOM",
      { clients: 30, requiredKbps: 300, limitKbps: 499, allowedKbps: 299, minimumKbps: 500 },
    ],
    ["custom bandwidth far below", backflow(10), 422, "BANDWIDTH_HEADROOM", { requiredKbps: 300, minimumKbps: 500 }],
    ["exactly 60% (R17)", backflow(500), 200, null],
    ["unlimited", backflow(null), 200, null],
    ["zero bandwidth", backflow(0), 400, "VALIDATION_FAILED", ["body.bandwidthKbps"]],
    ["a custom frequency", { mode: "backflow", bandwidthKbps: null, frequencyPerMin: 600 }, 200, null],
    ["cache: a relative path (R18)", cache({ cacheDir: "var/log/proxy" }), 400, "VALIDATION_FAILED", ["body.cacheDir"]],
    ["cache: a path with ..", cache({ cacheDir: "/var/../etc" }), 400, "VALIDATION_FAILED", ["body.cacheDir"]],
    ["cache: a path with a NUL", cache({ cacheDir: "/var/log\u0000x" }), 400, "VALIDATION_FAILED", ["body.cacheDir"]],
    ["cache: an unknown data type", cache({ dataTypes: ["screenshots"] }), 400, "VALIDATION_FAILED", ["body.dataTypes.0"]],
    ["cache: no data type", cache({ dataTypes: [] }), 400, "VALIDATION_FAILED", ["body.dataTypes"]],
    ["cache: over 10 GB", cache({ cacheMaxBytes: 10 * 1024 ** 3 + 1 }), 400, "VALIDATION_FAILED", ["body.cacheMaxBytes"]],
    ["an unknown mode", { mode: "mirror" }, 400, "VALIDATION_FAILED"],
    ["cache: the default directory", cache(), 200, null],
    // Issue 13 point 14: what the proxy cannot write is refused, the limit named.
    [
      "cache: a 600-character segment",
      cache({ cacheDir: `/data/${"x".repeat(600)}` }),
      400,
      "VALIDATION_FAILED",
      ["body.cacheDir"],
    ],
    ["cache: a space and an emoji", cache({ cacheDir: "/ok dir/😀" }), 400, "VALIDATION_FAILED", ["body.cacheDir"]],
    ["cache: an empty directory", cache({ cacheDir: "" }), 400, "VALIDATION_FAILED", ["body.cacheDir"]],
  ])("%s → %i %s", async (_name, body, status, code, expected) => {
    const before = (await get(clusterId)).body.version;
    const r = await put(clusterId, body);
    expect([r.status, errorOf(r)?.code ?? null]).toEqual([status, code]);
    if (Array.isArray(expected)) expect(fieldPaths(r)).toEqual(expected);
    else if (expected) {
      expect(errorOf(r)?.details).toMatchObject(expected);
      for (const n of Object.values(expected)) expect(errorOf(r)?.message).toContain(String(n));
    }
    expect((await get(clusterId)).body.version).toBe(status === 200 ? before + 1 : before);
  });

  it("cache mode keeps logs in <dir>/export.log, by default under /usr/local/aegis/proxy/log (R18)", async () => {
    expect((await put(clusterId, cache())).body).toMatchObject({
      mode: "cache",
      cacheFile: "/usr/local/aegis/proxy/log/export.log",
    });
    expect((await put(clusterId, cache({ cacheDir: "/data/aegis/" }))).body.cacheFile).toBe("/data/aegis/export.log");
  });

  it("says the segment limit when refusing a long directory name", async () => {
    const r = await put(clusterId, cache({ cacheDir: `/data/${"x".repeat(600)}` }));
    expect(errorOf(r)?.message).toContain("at most 255 bytes");
  });

  it('issue 13 point 22: {"mode": "cache"} alone keeps every supported data type', async () => {
    const r = await put(clusterId, { mode: "cache" });
    expect(r.status).toBe(200);
    expect((r.body as unknown as { dataTypes: string[] }).dataTypes).toEqual([...CACHE_DATA_TYPE_IDS]);
    expect((await get(clusterId)).body).toMatchObject({ mode: "cache", cacheFile: "/usr/local/aegis/proxy/log/export.log" });
  });

  it("a refused change is audited with its error code; an accepted one with from → to", async () => {
    const events = await auditEvents("policy.update", clusterId);
    expect(events.filter((e) => e.outcome === "failure").map((e) => e.errorCode)).toEqual([
      "BANDWIDTH_HEADROOM",
      "BANDWIDTH_HEADROOM",
    ]);
    expect(events.find((e) => e.outcome === "success")?.details).toMatchObject({ to: { bandwidthKbps: 500 } });
  });
});

describe("the policy reaches the proxies", () => {
  it("heartbeat answers carry the current version; the panel shows which proxies run it", async () => {
    const clusterId = (await makeCluster()).id;
    const api = proxyApi(token);
    const { proxyId, credential } = (await api.register((await api.deploy(clusterId, { mode: "manual" })).body.token)).body;
    const v1 = (await get(clusterId)).body.version;
    expect((await api.heartbeat(proxyId, credential)).body.policy).toMatchObject({ version: v1, mode: "backflow" });
    // Issue 13 point 16: it has not reported a version yet: pending, not outdated.
    expect((await api.list(clusterId)).body.items[0]).toMatchObject({ status: "online", policySync: "pending" });

    expect((await put(clusterId, backflow(1000))).status).toBe(200);
    const answer = await api.heartbeat(proxyId, credential, "1.5.0", v1);
    expect(answer.body.policy).toMatchObject({ version: v1 + 1, bandwidthKbps: 1000 });
    const shown = async () => (await db().proxyServer.findUniqueOrThrow({ where: { id: proxyId } })).policyVersion;
    expect(await shown()).toBe(v1);
    expect((await api.list(clusterId)).body.items[0]?.policyCurrent).toBe(false);
    expect((await api.list(clusterId)).body.items[0]?.policySync).toBe("outdated");

    await api.heartbeat(proxyId, credential, "1.5.0", v1 + 1);
    expect((await api.list(clusterId)).body.items[0]?.policyCurrent).toBe(true);
    expect((await api.list(clusterId)).body.items[0]?.policySync).toBe("current");
  });
});
