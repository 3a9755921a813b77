// The cluster routes against a real database (SPEC §5): one row per rule violation, asserting
// the status, the error code and the field paths — and that a refused request changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { ClusterDto } from "@/lib/clusters/serialize";
import { db } from "@/lib/db/client";
import { apiToken, insertProxy, makeCluster, uniqueName } from "@/lib/testing/fixtures";
import { call, errorOf, fieldPaths, type CallOptions } from "@/lib/testing/http";
import * as item from "./[id]/route";
import * as collection from "./route";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
let auth: Record<string, string> = {};
let taken: ClusterDto; // an existing cluster in cn, named "taken-<n>"
let occupied: ClusterDto; // has a proxy server
let plain: ClusterDto; // empty

beforeAll(async () => {
  auth = { authorization: `Bearer ${await apiToken("admin")}` };
  taken = await makeCluster({ region: "cn", name: uniqueName("taken"), address: "10.0.0.1" });
  occupied = await makeCluster({ region: "cn" });
  await insertProxy(occupied.id, { lastHeartbeatAt: new Date() });
  plain = await makeCluster({ region: "cn", description: "plain" });
});

const api = {
  list: (query: string, o: CallOptions = {}) =>
    call(collection.GET, "GET", `/api/v1/clusters${query}`, { ...o, headers: { ...auth, ...o.headers } }),
  create: (body: unknown, o: CallOptions = {}) =>
    call(collection.POST, "POST", "/api/v1/clusters", { ...o, body, headers: { ...auth, ...o.headers } }),
  get: (id: string) => call(item.GET, "GET", `/api/v1/clusters/${id}`, { params: { id }, headers: auth }),
  patch: (id: string, body: unknown) =>
    call(item.PATCH, "PATCH", `/api/v1/clusters/${id}`, { params: { id }, body, headers: auth }),
  remove: (id: string) => call(item.DELETE, "DELETE", `/api/v1/clusters/${id}`, { params: { id }, headers: auth }),
};

/** Everything a cluster request could change. */
async function snapshot() {
  const [clusters, proxies, clients, policies, successes] = await Promise.all([
    db().proxyCluster.findMany({ orderBy: { id: "asc" } }),
    db().proxyServer.count(),
    db().clientConnection.count(),
    db().proxyPolicy.count(),
    db().auditEvent.count({ where: { outcome: "success", action: { startsWith: "cluster." } } }),
  ]);
  return { clusters, proxies, clients, policies, successes };
}

const validBody = () => ({ region: "cn", name: uniqueName("new"), address: "proxy.example.com", description: "" });

type Row = [string, number, string, () => ReturnType<typeof call>, string[]?];

describe("cluster routes: refused requests (status, code, fields) change nothing", () => {
  const rows: Row[] = [
    // POST /api/v1/clusters — R2 and the input contract
    ["POST malformed JSON", 400, "VALIDATION_FAILED", () => api.create('{"region": "cn",'), ["body"]],
    ["POST empty body", 400, "VALIDATION_FAILED", () => api.create(""), ["body"]],
    ["POST an array", 400, "VALIDATION_FAILED", () => api.create([validBody()]), ["body"]],
    [
      "POST wrong types",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), name: 5, region: true }),
      ["body.name", "body.region"],
    ],
    ["POST an unknown field", 400, "VALIDATION_FAILED", () => api.create({ ...validBody(), clientCount: 5 }), ["body"]],
    [
      "POST missing region",
      400,
      "VALIDATION_FAILED",
      () => api.create({ name: uniqueName(), address: "a.com" }),
      ["body.region"],
    ],
    ["POST unknown region", 400, "VALIDATION_FAILED", () => api.create({ ...validBody(), region: "eu" }), ["body.region"]],
    [
      "POST 65-character name",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), name: "n".repeat(65) }),
      ["body.name"],
    ],
    ["POST blank name", 400, "VALIDATION_FAILED", () => api.create({ ...validBody(), name: "  " }), ["body.name"]],
    ["POST name with a NUL", 400, "VALIDATION_FAILED", () => api.create({ ...validBody(), name: "a\u0000b" }), ["body.name"]],
    [
      "POST address with a scheme",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), address: "https://a.com" }),
      ["body.address"],
    ],
    [
      "POST address with a port",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), address: "a.com:8080" }),
      ["body.address"],
    ],
    [
      "POST IPv6 with a port",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), address: "[::1]:80" }),
      ["body.address"],
    ],
    [
      "POST address with a path",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), address: "a.com/x" }),
      ["body.address"],
    ],
    ["POST bad IPv4", 400, "VALIDATION_FAILED", () => api.create({ ...validBody(), address: "256.1.1.1" }), ["body.address"]],
    [
      "POST 513-character description",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), description: "d".repeat(513) }),
      ["body.description"],
    ],
    ["POST over 1 MB", 413, "PAYLOAD_TOO_LARGE", () => api.create({ ...validBody(), description: "d".repeat(1_000_001) })],
    [
      "POST R2 name taken in the region",
      409,
      "NAME_TAKEN",
      () => api.create({ ...validBody(), name: taken.name }),
      ["body.name"],
    ],
    [
      "POST R2 name taken, with spaces",
      409,
      "NAME_TAKEN",
      () => api.create({ ...validBody(), name: ` ${taken.name} ` }),
      ["body.name"],
    ],
    // GET /api/v1/clusters
    ["GET list without region", 400, "VALIDATION_FAILED", () => api.list(""), ["query.region"]],
    ["GET list unknown region", 400, "VALIDATION_FAILED", () => api.list("?region=eu"), ["query.region"]],
    ["GET list 65-character search", 400, "VALIDATION_FAILED", () => api.list(`?region=cn&q=${"q".repeat(65)}`), ["query.q"]],
    // GET/PATCH/DELETE /api/v1/clusters/{id}
    ["GET bad uuid", 400, "VALIDATION_FAILED", () => api.get("not-a-uuid"), ["params.id"]],
    ["PATCH bad uuid", 400, "VALIDATION_FAILED", () => api.patch("not-a-uuid", { description: "x" }), ["params.id"]],
    ["DELETE bad uuid", 400, "VALIDATION_FAILED", () => api.remove("1 OR 1=1"), ["params.id"]],
    ["GET unknown id", 404, "NOT_FOUND", () => api.get(UNKNOWN)],
    ["PATCH unknown id", 404, "NOT_FOUND", () => api.patch(UNKNOWN, { description: "x" })],
    ["DELETE unknown id", 404, "NOT_FOUND", () => api.remove(UNKNOWN)],
    ["PATCH malformed JSON", 400, "VALIDATION_FAILED", () => api.patch(plain.id, "{description"), ["body"]],
    ["PATCH nothing to change", 400, "VALIDATION_FAILED", () => api.patch(plain.id, {}), ["body"]],
    // Issue 13 point 21: PATCH is partial; a changed name or address alone is the rule's 422, not a 400.
    ["PATCH R3 a new name alone", 422, "IMMUTABLE_FIELD", () => api.patch(plain.id, { name: "x" }), ["body.name"]],
    [
      "PATCH R3 a new address alone",
      422,
      "IMMUTABLE_FIELD",
      () => api.patch(plain.id, { address: "10.1.1.1" }),
      ["body.address"],
    ],
    // Issue 16: the minimum of online proxies, 1–100, and 1 for an IP cluster (R4)
    ["PATCH minimum 0", 400, "VALIDATION_FAILED", () => api.patch(plain.id, { minOnlineProxies: 0 }), ["body.minOnlineProxies"]],
    [
      "PATCH minimum 101",
      400,
      "VALIDATION_FAILED",
      () => api.patch(plain.id, { minOnlineProxies: 101 }),
      ["body.minOnlineProxies"],
    ],
    [
      "PATCH minimum as text",
      400,
      "VALIDATION_FAILED",
      () => api.patch(plain.id, { minOnlineProxies: "3" }),
      ["body.minOnlineProxies"],
    ],
    [
      "PATCH R4 minimum 2 on an IP cluster",
      422,
      "IP_CLUSTER_SINGLE_PROXY",
      () => api.patch(taken.id, { minOnlineProxies: 2 }),
      ["body.minOnlineProxies"],
    ],
    [
      "POST R4 minimum 3 with an IP address",
      422,
      "IP_CLUSTER_SINGLE_PROXY",
      () => api.create({ ...validBody(), address: "10.3.3.3", minOnlineProxies: 3 }),
      ["body.minOnlineProxies"],
    ],
    [
      "POST minimum 0",
      400,
      "VALIDATION_FAILED",
      () => api.create({ ...validBody(), minOnlineProxies: 0 }),
      ["body.minOnlineProxies"],
    ],
    [
      "PATCH an unknown field",
      400,
      "VALIDATION_FAILED",
      () => api.patch(plain.id, { description: "x", region: "intl" }),
      ["body"],
    ],
    [
      "PATCH 513-character description",
      400,
      "VALIDATION_FAILED",
      () => api.patch(plain.id, { description: "d".repeat(513) }),
      ["body.description"],
    ],
    [
      "PATCH R3 new name",
      422,
      "IMMUTABLE_FIELD",
      () => api.patch(plain.id, { description: "x", name: "renamed" }),
      ["body.name"],
    ],
    [
      "PATCH R3 new address",
      422,
      "IMMUTABLE_FIELD",
      () => api.patch(plain.id, { description: "x", address: "10.1.1.1" }),
      ["body.address"],
    ],
    ["DELETE R9 cluster with a proxy", 409, "CLUSTER_NOT_EMPTY", () => api.remove(occupied.id)],
  ];

  it.each(rows)("%s → %i %s", async (_name, status, code, send, paths) => {
    const before = await snapshot();
    const res = await send();
    expect(res.status).toBe(status);
    const error = errorOf(res);
    expect(error).toMatchObject({ code, message: expect.any(String), requestId: res.headers.get("x-request-id") });
    if (paths) expect(fieldPaths(res).sort()).toEqual([...paths].sort());
    expect(await snapshot()).toEqual(before);
  });

  it("R9: says what blocks the delete", async () => {
    const res = await api.remove(occupied.id);
    expect(errorOf(res)?.details).toEqual({ proxies: 1, clients: 0 });
  });

  // Issue 13 point 14: refused with the limit named, never cut; emoji refused, Japanese kept.
  it("refuses a 65-character name with 400, naming the limit", async () => {
    const res = await api.create({ ...validBody(), name: "n".repeat(65) });
    expect(res.status).toBe(400);
    expect(errorOf(res)?.code).toBe("VALIDATION_FAILED");
    expect(errorOf(res)?.message).toContain("at most 64 characters");
    expect((errorOf(res)?.details as { fields: { path: string; message: string }[] }).fields).toEqual([
      expect.objectContaining({ path: "body.name", message: "Must be at most 64 characters (this one has 65)." }),
    ]);
  });

  it("refuses an emoji in a name with 400 and says what is allowed; a Japanese name is created", async () => {
    const refused = await api.create({ ...validBody(), name: "edge 😀" });
    expect([refused.status, fieldPaths(refused)]).toEqual([400, ["body.name"]]);
    expect(errorOf(refused)?.message).toMatch(/emoji/);
    const created = await api.create({ ...validBody(), name: uniqueName("東京・本番") });
    expect(created.status).toBe(201);
  });

  it("explains a refused address in words", async () => {
    const res = await api.create({ ...validBody(), address: "https://a.com" });
    expect((errorOf(res)?.details as { fields: { message: string }[] }).fields[0]!.message).toMatch(/scheme/i);
  });

  // BUG (lib/clusters/schemas.ts listClustersQuerySchema): `q` allows control characters; a NUL
  // reaches PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00") and the answer is a 500.
  // Fix: give q the same control-character refine as the name (→ 400 VALIDATION_FAILED).
  it("GET list with a NUL in the search → 400, never a 500", async () => {
    const res = await api.list("?region=cn&q=a%00b");
    expect(res.status).toBe(400);
  });
});

describe("cluster routes: the happy path", () => {
  it("creates (201), lists with status, reads, changes the description, deletes (204)", async () => {
    const body = { region: "intl", name: uniqueName("journey"), address: "2001:DB8::10", description: "first" };
    const created = await api.create(body);
    expect(created.status).toBe(201);
    const cluster = created.body as ClusterDto;
    expect(cluster).toMatchObject({ ...body, address: "2001:db8::10", addressKind: "ipv6", status: "offline", proxyCount: 0 });

    const listed = await api.list("?region=intl");
    expect(listed.status).toBe(200);
    expect((listed.body as { items: ClusterDto[] }).items.map((c) => c.id)).toContain(cluster.id);
    expect((await api.list("?region=cn")).body).not.toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: cluster.id })]),
    });

    await insertProxy(cluster.id, { lastHeartbeatAt: new Date() });
    expect(await api.get(cluster.id)).toMatchObject({
      status: 200,
      body: { id: cluster.id, status: "online", onlineProxyCount: 1 },
    });
    await db().proxyServer.deleteMany({ where: { clusterId: cluster.id } });

    const patched = await api.patch(cluster.id, { description: "second", name: cluster.name, address: cluster.address });
    expect(patched).toMatchObject({ status: 200, body: { description: "second", name: cluster.name, minOnlineProxies: 1 } });
    // Issue 13 point 21: the unchanged name alone is a partial update that changes nothing (R3).
    expect(await api.patch(cluster.id, { name: cluster.name })).toMatchObject({
      status: 200,
      body: { description: "second", name: cluster.name },
    });

    const removed = await api.remove(cluster.id);
    expect(removed.status).toBe(204);
    expect(removed.body).toBeUndefined();
    expect((await api.get(cluster.id)).status).toBe(404);
  });

  it("issue 16: a domain cluster with a minimum shows degraded with the counts, then online", async () => {
    const created = await api.create({ ...validBody(), minOnlineProxies: 2 });
    expect(created).toMatchObject({ status: 201, body: { minOnlineProxies: 2, status: "offline" } });
    const cluster = created.body as ClusterDto;
    await insertProxy(cluster.id, { lastHeartbeatAt: new Date() });
    const degraded = { status: "degraded", onlineProxyCount: 1, proxyCount: 1, minOnlineProxies: 2 };
    expect(await api.get(cluster.id)).toMatchObject({ status: 200, body: degraded });
    const listed = (await api.list("?region=cn")).body as { items: ClusterDto[] };
    expect(listed.items.find((c) => c.id === cluster.id)).toMatchObject(degraded);
    expect(await api.patch(cluster.id, { minOnlineProxies: 1 })).toMatchObject({
      status: 200,
      body: { status: "online", minOnlineProxies: 1, description: "" },
    });
  });

  it("R1: the same name is free in the other region", async () => {
    const res = await api.create({ ...validBody(), region: "intl", name: taken.name });
    expect(res.status).toBe(201);
  });

  it("R2: concurrent creates of one name — exactly one 201, the rest 409 NAME_TAKEN", async () => {
    const name = uniqueName("race");
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.create({ ...validBody(), name, address: `10.2.0.${i + 1}` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => errorOf(a)?.code === "NAME_TAKEN")).toBe(true);
    expect(await db().proxyCluster.count({ where: { name } })).toBe(1);
  });

  it("echoes the caller's request id in the header and the error body", async () => {
    const res = await api.create({ region: "xx" }, { headers: { "x-request-id": "trace-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-123");
    expect(errorOf(res)?.requestId).toBe("trace-123");
  });
});
