// Issue 13 items 9 and 10: the search finds an address by its start (through the prefix index,
// never a substring elsewhere in it), and the first page of a list says how many rows match —
// exact up to the cap, then an estimate marked as one.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { countMatches, EXACT_COUNT_CAP } from "@/lib/assets/count-matches";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { clientsApi } from "@/lib/testing/clients-api";
import { apiToken, insertAsset, insertClient, makeCluster } from "@/lib/testing/fixtures";

let api: ReturnType<typeof clientsApi>;
const hosts: Record<string, string> = {};

beforeAll(async () => {
  api = clientsApi(await apiToken("viewer"));
  const addresses: Record<string, string[]> = {
    "ten-thirty-zero": ["10.30.0.17"],
    "one-ten": ["110.30.0.5"],
    "two-addresses": ["10.30.1.4", "192.168.1.9"],
    "link-local": ["fe80::1"],
  };
  for (const [hostname, ips] of Object.entries(addresses)) hosts[hostname] = (await insertAsset("intl", { hostname, ips })).id;
});

const search = async (q: string) =>
  (await api.assets(`?region=intl&q=${encodeURIComponent(q)}`)).body.items.map((a) => a.hostname).sort();

describe("IP search by prefix (item 9)", () => {
  it.each([
    ["three octets", "10.30.0", ["ten-thirty-zero"]],
    ["a whole address still matches exactly", "10.30.0.17", ["ten-thirty-zero"]],
    ["two octets, any address of the asset", "10.30", ["ten-thirty-zero", "two-addresses"]],
    ["the second address of an asset", "192.168", ["two-addresses"]],
    ["an IPv6 start in upper case", "FE80::", ["link-local"]],
    ["the middle of an address is no prefix", "0.30.0", []],
    ["a longer number before the prefix is not matched", "10.30.0.5", []],
  ])("%s: %s", async (_name, q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it("does not match 110.30.0.x for 10.30.0, in a cluster's client list either", async () => {
    const cluster = await makeCluster({ region: "intl" });
    await db().clientConnection.createMany({
      data: [hosts["ten-thirty-zero"]!, hosts["one-ten"]!].map((assetId) => ({ assetId, clusterId: cluster.id })),
    });
    const page = await api.list(cluster.id, "?q=10.30.0");
    expect(page.body.items.map((a) => a.hostname)).toEqual(["ten-thirty-zero"]);
    expect((await api.count(cluster.id, "?q=10.30.0")).body).toEqual({ total: 1, totalIsEstimate: false });
  });

  it("is served by the prefix index", async () => {
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        "EXPLAIN SELECT id FROM asset a WHERE asset_ip_prefixes(a.ips) @> ARRAY['10.30.0']::text[]",
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("asset_ip_prefixes_idx");
  });
});

describe("totals beside the list (item 10)", () => {
  it("the inventory: exact under the cap, filtered or not, whatever the page", async () => {
    const all = await db().asset.count({ where: { region: "intl" } });
    expect((await api.assetCount("?region=intl&limit=2")).body).toEqual({ total: all, totalIsEstimate: false });
    expect((await api.assetCount("?region=intl&q=10.30")).body).toEqual({ total: 2, totalIsEstimate: false });
    // The list itself carries no count: the rows never wait for one.
    expect(Object.keys((await api.assets("?region=intl&limit=2")).body).sort()).toEqual(["items", "nextCursor"]);
  });

  it("a cluster's clients: the maintained count unfiltered, a count of the filter otherwise", async () => {
    const cluster = await makeCluster({ region: "cn" });
    for (let i = 0; i < 3; i++) await insertClient(cluster.id);
    const windows = await insertAsset("cn", { os: "windows" });
    await db().$transaction([
      db().clientConnection.create({ data: { assetId: windows.id, clusterId: cluster.id } }),
      db().proxyCluster.update({ where: { id: cluster.id }, data: { clientCount: { increment: 1 } } }),
    ]);
    expect((await api.count(cluster.id)).body).toEqual({ total: 4, totalIsEstimate: false });
    expect((await api.count(cluster.id, "?os=windows")).body).toEqual({ total: 1, totalIsEstimate: false });
    const unknown = await api.count("00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
  });

  it("beyond the cap, the planner's estimate, marked as one", { timeout: 60_000 }, async () => {
    const many = EXACT_COUNT_CAP * 5;
    // One statement: the index on every prefix of every address makes row-by-row inserts slow.
    // Its own connection, without the console pool's query timeout: on a loaded CI machine this
    // setup alone has outlasted it.
    const bulk = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await bulk.connect();
    try {
      await bulk.query(
        `INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, updated_at)
           SELECT gen_random_uuid(), 'cn', 'host', 'bulk-' || lpad(i::text, 6, '0'), 'linux', 'x', 'idc',
                  ARRAY['10.40.' || (i / 256) || '.' || (i % 256)], now()
             FROM generate_series(0, $1::int - 1) i`,
        [many],
      );
      await bulk.query("ANALYZE asset");
    } finally {
      await bulk.end();
    }
    const total = (await api.assetCount("?region=cn")).body;
    expect(total.totalIsEstimate).toBe(true);
    const exact = await db().asset.count({ where: { region: "cn" } });
    expect(total.total).toBeGreaterThan(EXACT_COUNT_CAP);
    expect(Math.abs(total.total - exact) / exact).toBeLessThan(0.2);
    // A filter that narrows below the cap is exact again.
    expect((await api.assetCount("?region=cn&q=10.40.0.")).body).toEqual({ total: 256, totalIsEstimate: false });
  });

  it("a count cut short by its timeout gives way to the estimate, and the connection stays usable", async () => {
    // pg_sleep in the filter makes the exact count outlast its timeout whatever the machine.
    const slow = await countMatches(Prisma.sql`SELECT 1 FROM asset a WHERE a.region = 'intl' AND pg_sleep(0.5) IS NOT NULL`);
    expect(slow.totalIsEstimate).toBe(true);
    expect(slow.total).toBeGreaterThanOrEqual(1);
    expect((await api.assetCount("?region=intl&q=10.30")).body).toEqual({ total: 2, totalIsEstimate: false });
  });
});
