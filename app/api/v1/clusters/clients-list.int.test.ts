// Issue #5: connected-clients and asset lists with keyset pagination — a deep page reached by
// cursor is the page an OFFSET query gives, ties on the sort value are broken by id, filters
// apply, a cursor the API never issued is a 400 — and the CSV export of the current filter.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientsApi } from "@/lib/testing/clients-api";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { ALWAYS, LONG_AGO, UNKNOWN_ID } from "@/lib/testing/fleet";
import { errorOf, fieldPaths } from "@/lib/testing/http";

let api: ReturnType<typeof clientsApi>;
let clusterId: string;
let groupId: string;
let tagId: string;
const T0 = Date.parse("2026-01-01T00:00:00Z");

/** 40 clients: repeated hostnames and connection times (ties), two OSes, a group, a tag, some offline. */
async function seedClients() {
  const cluster = await makeCluster();
  const group = await db().assetGroup.create({ data: { region: "cn", name: `g-${randomUUID().slice(0, 8)}` } });
  const tag = await db().tag.create({ data: { region: "cn", name: `t-${randomUUID().slice(0, 8)}` } });
  for (let i = 0; i < 40; i++) {
    const asset = await db().asset.create({
      data: {
        region: "cn",
        type: i % 5 === 0 ? "container" : "host",
        hostname: `web-${String(i % 13).padStart(2, "0")}`,
        os: i % 3 === 0 ? "windows" : "linux",
        osVersion: "x",
        provider: "idc",
        ips: [`10.7.0.${i + 1}`],
        groupId: i % 4 === 0 ? group.id : null,
        agentLastSeenAt: i % 6 === 0 ? LONG_AGO : ALWAYS,
        ...(i % 7 === 0 ? { tags: { create: { tagId: tag.id } } } : {}),
      },
    });
    await db().clientConnection.create({
      data: { assetId: asset.id, clusterId: cluster.id, connectedAt: new Date(T0 + Math.floor(i / 3) * 1000) },
    });
  }
  await db().proxyCluster.update({ where: { id: cluster.id }, data: { clientCount: 40 } });
  // Not in this cluster: another cluster's client and an unconnected asset.
  const other = await makeCluster();
  const stranger = await db().asset.create({
    data: { region: "cn", type: "host", hostname: "web-00", os: "linux", osVersion: "x", provider: "idc", ips: ["10.8.0.1"] },
  });
  await db().clientConnection.create({ data: { assetId: stranger.id, clusterId: other.id } });
  return { clusterId: cluster.id, groupId: group.id, tagId: tag.id };
}

beforeAll(async () => {
  api = clientsApi(await apiToken("viewer"));
  ({ clusterId, groupId, tagId } = await seedClients());
});

type Order = { sort: "hostname" | "connectedAt"; order: "asc" | "desc" };
function offsetOrder({ sort, order }: Order): Prisma.AssetOrderByWithRelationInput[] {
  return sort === "hostname" ? [{ hostname: order }, { id: order }] : [{ connection: { connectedAt: order } }, { id: order }];
}
async function offsetPage(where: Prisma.AssetWhereInput, o: Order, skip: number, take: number) {
  const rows = await db().asset.findMany({ where, orderBy: offsetOrder(o), skip, take, select: { id: true } });
  return rows.map((r) => r.id);
}
async function walk(query: string) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await api.list(clusterId, `${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    pages.push(page.body.items.map((a) => a.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return pages;
}

describe("keyset pagination of a cluster's clients", () => {
  it.each<Order>([
    { sort: "hostname", order: "asc" },
    { sort: "hostname", order: "desc" },
    { sort: "connectedAt", order: "asc" },
    { sort: "connectedAt", order: "desc" },
  ])("by $sort $order: every page by cursor equals the OFFSET page; each client once", async (o) => {
    const pages = await walk(`?limit=7&sort=${o.sort}&order=${o.order}`);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 5]);
    for (const [i, page] of pages.entries()) {
      expect(page).toEqual(await offsetPage({ connection: { clusterId } }, o, i * 7, 7));
    }
    expect(new Set(pages.flat()).size).toBe(40);
  });

  it.each<[string, string, Prisma.AssetWhereInput]>([
    ["os", "os=windows", { os: "windows" }],
    ["type", "type=container", { type: "container" }],
    ["group", "group=GROUP", { groupId: "GROUP" }],
    ["tag", "tag=TAG", { tags: { some: { tagId: "TAG" } } }],
    ["agent offline", "agentStatus=offline", { agentLastSeenAt: LONG_AGO }],
    ["agent online", "agentStatus=online", { agentLastSeenAt: ALWAYS }],
    ["hostname search, any case", "q=WEB-1", { hostname: { startsWith: "web-1" } }],
    ["an exact IP", "q=10.7.0.12", { ips: { has: "10.7.0.12" } }],
    [
      "combined",
      "os=linux&agentStatus=online&q=web-0",
      { os: "linux", agentLastSeenAt: ALWAYS, hostname: { startsWith: "web-0" } },
    ],
  ])("filter: %s", async (_name, query, where) => {
    const resolve = (s: string) => s.replace("GROUP", groupId).replace("TAG", tagId);
    const expected = JSON.parse(resolve(JSON.stringify(where))) as Prisma.AssetWhereInput;
    const pages = await walk(`?limit=4&${resolve(query)}`);
    const all = await offsetPage({ ...expected, connection: { clusterId } }, { sort: "hostname", order: "asc" }, 0, 100);
    expect(all.length).toBeGreaterThan(0);
    expect(pages.flat()).toEqual(all);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["base64 of an object", Buffer.from('{"a":1}').toString("base64url")],
    ["base64 of numbers", Buffer.from("[1,2]").toString("base64url")],
    ["too long", "a".repeat(600)],
    ["an id that is not a UUID", Buffer.from('["web-01","1; DROP TABLE asset"]').toString("base64url")],
  ])("a cursor the API never issued (%s) → 400 on query.cursor", async (_name, cursor) => {
    const r = await api.list(clusterId, `?cursor=${cursor}`);
    expect([r.status, errorOf(r)?.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(fieldPaths(r)).toEqual(["query.cursor"]);
  });

  it("a connection-time cursor that holds no time → 400 on query.cursor", async () => {
    const cursor = Buffer.from(JSON.stringify(["yesterday", UNKNOWN_ID])).toString("base64url");
    const r = await api.list(clusterId, `?sort=connectedAt&cursor=${cursor}`);
    expect([r.status, fieldPaths(r)]).toEqual([400, ["query.cursor"]]);
  });

  it("the hostname order follows a rename, whatever a writer puts in the connection's copy", async () => {
    const cluster = await makeCluster();
    const names = ["m-1", "m-2", "m-3"];
    const assets = await Promise.all(
      names.map((hostname, i) =>
        db().asset.create({
          data: { region: "cn", type: "host", hostname, os: "linux", osVersion: "x", provider: "idc", ips: [`10.5.0.${i}`] },
        }),
      ),
    );
    // The copy is the database's to keep: a value passed on insert is replaced by the asset's.
    for (const a of assets)
      await db().clientConnection.create({ data: { assetId: a.id, clusterId: cluster.id, hostname: "zzz" } });
    const order = async () => (await api.list(cluster.id, "?limit=10")).body.items.map((a) => a.hostname);
    expect(await order()).toEqual(["m-1", "m-2", "m-3"]);
    await db().asset.update({ where: { id: assets[2]!.id }, data: { hostname: "a-renamed" } });
    expect(await order()).toEqual(["a-renamed", "m-1", "m-2"]);
  });

  it.each([
    ["limit over 500", "?limit=501", "query.limit"],
    ["unknown OS", "?os=solaris", "query.os.0"],
    ["unknown parameter", "?colour=red", "query"],
  ])("bad query (%s) → 400", async (_name, query, path) => {
    const r = await api.list(clusterId, query);
    expect([r.status, errorOf(r)?.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(fieldPaths(r)[0]).toBe(path);
  });

  it("an unknown cluster → 404", async () => {
    expect((await api.list(UNKNOWN_ID)).status).toBe(404);
  });
});

describe("asset inventory", () => {
  it("is region-scoped and filters on connected yes/no", async () => {
    const intl = await db().asset.create({
      data: { region: "intl", type: "host", hostname: "web-00", os: "linux", osVersion: "x", provider: "aws", ips: ["10.9.9.9"] },
    });
    const loose = await db().asset.create({
      data: { region: "cn", type: "host", hostname: "loose-01", os: "linux", osVersion: "x", provider: "idc", ips: ["10.9.9.8"] },
    });
    const all = (await api.assets("?region=cn&limit=500")).body.items;
    expect(all.map((a) => a.id)).not.toContain(intl.id);
    expect(all.every((a) => a.region === "cn")).toBe(true);
    const unconnected = (await api.assets("?region=cn&connected=no&limit=500")).body.items;
    expect(unconnected.map((a) => a.cluster)).toEqual(unconnected.map(() => null));
    expect(unconnected.map((a) => a.id)).toContain(loose.id);
    const connected = (await api.assets("?region=cn&connected=yes&limit=500")).body.items;
    expect(connected.length + unconnected.length).toBe(all.length);
    expect(connected.filter((a) => a.cluster?.id === clusterId)).toHaveLength(40);
    expect(connected.map((a) => a.id)).not.toContain(loose.id);
  });
});

describe("inventory search: a common term and a rare one give the pages an OFFSET query gives", () => {
  // 5,100 intl assets: "bulk-…" every one, "odd-…" every 7th; the 3 "needle" hosts sort after
  // the first 5,000, beyond the hostname walk a search tries first (list-assets.ts).
  beforeAll(async () => {
    await db().asset.createMany({
      data: Array.from({ length: 5100 }, (_, i) => ({
        region: "intl" as const,
        type: "host" as const,
        hostname: `${i >= 5097 ? "zz-needle" : i % 7 === 0 ? "odd" : "bulk"}-${String(i).padStart(5, "0")}`,
        os: "linux" as const,
        osVersion: "x",
        provider: "aws" as const,
        ips: [`10.200.${Math.floor(i / 256)}.${i % 256}`],
      })),
    });
  });

  async function walkAssets(query: string) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.assets(`?region=intl&${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids;
  }
  const expected = async (where: Prisma.AssetWhereInput) =>
    (
      await db().asset.findMany({
        where: { region: "intl", ...where },
        orderBy: [{ hostname: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((a) => a.id);

  it.each<[string, string, Prisma.AssetWhereInput]>([
    ["a common term, any case", "q=ODD&limit=100", { hostname: { contains: "odd", mode: "insensitive" } }],
    ["a rare term beyond the first 5,000 hostnames", "q=needle&limit=2", { hostname: { contains: "needle" } }],
    ["an exact IP", "q=10.200.19.40", { ips: { has: "10.200.19.40" } }],
    ["a term that matches nothing", "q=absent", { hostname: { contains: "absent" } }],
  ])("%s", async (_name, query, where) => {
    expect(await walkAssets(query)).toEqual(await expected(where));
  });
});

describe("CSV export", () => {
  it("header and one row per client of the current filter, as an attachment", async () => {
    const csv = await api.exportCsv(clusterId, "?os=windows");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="clients-.*\.csv"/);
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\n");
    expect(header).toBe("hostname,ips,type,os,os_version,provider,group,tags,agent_status,agent_version,last_seen,connected_at");
    const windows = await db().asset.count({ where: { os: "windows", connection: { clusterId } } });
    expect(rows).toHaveLength(windows);
    expect(rows.every((r) => r.split(",")[3] === "windows")).toBe(true);
  });

  it("streams every page: 1,001 clients come out as 1,001 rows", async () => {
    const big = await makeCluster();
    const ids = Array.from({ length: 1001 }, () => randomUUID());
    await db().asset.createMany({
      data: ids.map((id, i) => ({
        id,
        region: "cn" as const,
        type: "host" as const,
        hostname: `bulk-${i}`,
        os: "linux" as const,
        osVersion: "x",
        provider: "idc" as const,
        ips: ["10.6.0.1"],
      })),
    });
    await db().clientConnection.createMany({ data: ids.map((assetId) => ({ assetId, clusterId: big.id })) });
    const csv = await api.exportCsv(big.id);
    const rows = csv.text.trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(1001);
    expect(new Set(rows.map((r) => r.split(",")[0])).size).toBe(1001);
  });

  it("an unknown cluster → 404 before any CSV", async () => {
    const csv = await api.exportCsv(UNKNOWN_ID);
    expect(csv.status).toBe(404);
    expect(JSON.parse(csv.text)).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
