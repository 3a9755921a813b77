// npm run bench:clients [-- --large 1000000 --small 10000 --runs 200]
// Builds client-connection datasets (bulk SQL) in throwaway databases, serves each with the
// production console, and measures p50/p95 over HTTP for the list queries of SPEC §4 (a
// cluster's clients beside the same SQL run directly, and the Assets page's inventory and
// searches) and a 500-host connect batch. Prints one table per scale and the
// ratios the issue asks for. Loopback only; it stops everything it started.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { clientsPageSql } from "../lib/assets/list-assets";
import { listClientsQuerySchema } from "../lib/assets/schemas";
import { clustersListSql } from "../lib/clusters/read-clusters";
import { Prisma } from "../lib/generated/prisma/client";
import { benchDatabase, startConsole } from "./lib/bench/bench-console";
import { generateClientData, type Scale } from "./lib/bench/generate-clients";
import { ms, percentile, timeRuns } from "./lib/bench/stats";

const { values } = parseArgs({
  options: {
    large: { type: "string", default: "1000000" },
    small: { type: "string", default: "10000" },
    runs: { type: "string", default: "200" },
  },
});
const RUNS = Number(values.runs);
const WARMUP = 50;
// Spare assets: 500 per cluster for the connect batches, plus a quarter since 10% of agents are offline.
const CLUSTERS = 200;
const say = (line: string) => console.log(line);

type Row = { name: string; api: number[]; sql?: number[] };

async function adminToken(url: string): Promise<string> {
  // The token is made through the real operation, on this database.
  process.env.DATABASE_URL = url;
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { disconnectDb } = await import("../lib/db/client");
  const { systemContext } = await import("../lib/http/context");
  const token = await createApiToken(systemContext("bench"), {
    name: `bench-${randomUUID().slice(0, 6)}`,
    role: "admin",
    expiresInDays: 1,
  });
  await disconnectDb();
  return token.token;
}

async function measure(scale: Scale): Promise<Row[]> {
  say(`\n== ${scale.connections.toLocaleString()} connections over ${scale.clusters} clusters`);
  const database = await benchDatabase(String(scale.connections));
  const sql = new pg.Client({ connectionString: database.url });
  let stopServer: (() => Promise<void>) | null = null;
  try {
    await generateClientData(database.url, scale, say, database.adminUrl);
    const token = await adminToken(database.url);
    // A console secret for this run; the connect-job worker stays off so nothing else runs.
    const server = await startConsole(database.url, { BETTER_AUTH_SECRET: randomUUID(), CONNECT_JOB_WORKER: "0" });
    stopServer = server.stop;
    await sql.connect();
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const get = async (path: string) => {
      const res = await fetch(server.url + path, { headers });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const { rows: clusters } = await sql.query<{ id: string; region: string }>(
      "SELECT id, region FROM proxy_cluster ORDER BY name",
    );
    const target = clusters[0]!;
    const rows: Row[] = [];
    // The API and the very statement it sends (built by the same lib function), taken in turn so
    // that both see the same machine, after a warm-up that is not counted.
    const pair = async (name: string, path: string, statement: Prisma.Sql) => {
      const direct = () => sql.query(statement.text, statement.values as unknown[]);
      await timeRuns(WARMUP, () => get(path));
      await timeRuns(WARMUP, direct);
      const api: number[] = [];
      const db: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        api.push(...(await timeRuns(1, () => get(path))));
        db.push(...(await timeRuns(1, direct)));
      }
      rows.push({ name, api, sql: db });
    };

    await pair("floor: GET /api/health", "/api/health", Prisma.sql`SELECT 1`);
    await pair("cluster list", "/api/v1/clusters?region=cn", clustersListSql({ region: "cn" }));

    const base = `/api/v1/clusters/${target.id}/clients?limit=50`;
    const query = (extra: Record<string, string>) => listClientsQuerySchema.parse({ limit: "50", ...extra });
    await pair("clients, first page", base, clientsPageSql(target.id, query({})));

    // Walk to a deep page (about 90% through the cluster) and time that cursor.
    let cursor: string | null = null;
    const pages = Math.max(1, Math.floor((scale.connections / scale.clusters / 50) * 0.9));
    for (let p = 0; p < pages; p++) {
      const page = (await get(cursor ? `${base}&cursor=${cursor}` : base)) as { nextCursor: string | null };
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    await pair(
      `clients, page ${cursor ? pages : 1} by cursor`,
      cursor ? `${base}&cursor=${cursor}` : base, // a one-page cluster: its only page
      clientsPageSql(target.id, query(cursor ? { cursor } : {})),
    );

    const filter = { os: "linux", agentStatus: "online", type: "host" };
    await pair("clients, filtered page", `${base}&${new URLSearchParams(filter)}`, clientsPageSql(target.id, query(filter)));

    // The Assets page (the region's inventory): API only, as a search may take two statements.
    const apiOnly = async (name: string, path: string) => {
      await timeRuns(WARMUP, () => get(path));
      rows.push({ name, api: await timeRuns(RUNS, () => get(path)) });
    };
    const { rows: probe } = await sql.query<{ ip: string; hostname: string }>(
      "SELECT ips[1] AS ip, hostname FROM asset WHERE region = 'cn' ORDER BY hostname OFFSET $1 LIMIT 1",
      [Math.floor(scale.connections / 4)],
    );
    const inventory = "/api/v1/assets?region=cn&limit=50";
    await apiOnly("inventory, first page", inventory);
    await apiOnly("inventory, not connected", `${inventory}&connected=no`);
    await apiOnly("inventory, search: an IP", `${inventory}&q=${probe[0]!.ip}`);
    // The start of an address (three octets: up to 256 assets), through the prefix index.
    await apiOnly("inventory, search: IP prefix", `${inventory}&q=${probe[0]!.ip.split(".").slice(0, 3).join(".")}`);
    await apiOnly("inventory, search: rare part", `${inventory}&q=${probe[0]!.hostname.slice(-6)}`);
    await apiOnly("inventory, search: common part", `${inventory}&q=host-`);

    // The totals beside the lists: requests of their own, so the rows above never wait for them.
    const counted = (path: string) => path.replace(/^([^?]+)\?/, "$1/count?");
    await apiOnly("count: a cluster's clients", counted(base));
    await apiOnly("count: filtered clients", counted(`${base}&${new URLSearchParams(filter)}`));
    await apiOnly("count: inventory", counted(inventory));
    await apiOnly("count: not connected", counted(`${inventory}&connected=no`));
    await apiOnly("count: IP prefix", counted(`${inventory}&q=${probe[0]!.ip.split(".").slice(0, 3).join(".")}`));
    await apiOnly("count: rare part", counted(`${inventory}&q=${probe[0]!.hostname.slice(-6)}`));

    // One 500-host batch into each cluster: batches to one cluster must be a minute apart (R12).
    const targets = clusters.slice(0, Math.min(RUNS, clusters.length));
    const spare = new Map<string, string[]>();
    for (const region of ["cn", "intl"]) {
      const { rows: free } = await sql.query<{ id: string }>(
        `SELECT a.id FROM asset a WHERE a.region = $1 AND a.agent_last_seen_at >= now() - interval '1 day'
           AND NOT EXISTS (SELECT 1 FROM client_connection cc WHERE cc.asset_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM proxy_server p WHERE p.asset_id = a.id) LIMIT $2`,
        [region, 500 * targets.filter((c) => c.region === region).length],
      );
      spare.set(
        region,
        free.map((r) => r.id),
      );
    }
    const batches = targets.map((c) => spare.get(c.region)!.splice(0, 500));
    // Generating a large dataset takes minutes: these agents report in now, as live ones would (R11).
    await sql.query("UPDATE asset SET agent_last_seen_at = now() WHERE id = ANY($1::uuid[])", [batches.flat()]);
    rows.push({
      name: "connect batch (500 hosts)",
      api: await timeRuns(batches.length, async (i) => {
        const res = await fetch(`${server.url}/api/v1/clusters/${targets[i]!.id}/clients`, {
          method: "POST",
          headers,
          body: JSON.stringify({ assetIds: batches[i] }),
        });
        if (res.status !== 201) throw new Error(`connect: ${res.status} ${await res.text()}`);
      }),
    });
    return rows;
  } finally {
    // Also when a step failed: no console is left running on a deleted database.
    await stopServer?.();
    await sql.end().catch(() => undefined);
    await database.stop();
  }
}

function table(rows: Row[]) {
  const head = ["API p50", "API p95", "SQL p50", "SQL p95", "API/SQL", "API−SQL"];
  say(`${"query".padEnd(28)} ${head.map((h) => h.padStart(8)).join(" ")}`);
  for (const r of rows) {
    const api95 = percentile(r.api, 95);
    const sql95 = r.sql ? percentile(r.sql, 95) : NaN;
    const cells = [
      ms(percentile(r.api, 50)),
      ms(api95),
      r.sql ? ms(percentile(r.sql, 50)) : "",
      r.sql ? ms(sql95) : "",
      r.sql ? (api95 / sql95).toFixed(2) : "",
      r.sql ? ms(api95 - sql95) : "",
    ];
    say(`${r.name.padEnd(28)} ${cells.map((c) => c.padStart(8)).join(" ")}`);
  }
}

const small = await measure({ clusters: CLUSTERS, connections: Number(values.small), spare: Math.ceil(CLUSTERS * 500 * 1.25) });
const large = await measure({ clusters: CLUSTERS, connections: Number(values.large), spare: Math.ceil(CLUSTERS * 500 * 1.25) });
say(`\n${Number(values.small).toLocaleString()} connections (ms, ${RUNS} requests each)`);
table(small);
say(`\n${Number(values.large).toLocaleString()} connections (ms, ${RUNS} requests each)`);
table(large);
say(`\np95 at ${Number(values.large).toLocaleString()} / p95 at ${Number(values.small).toLocaleString()}`);
for (const [i, r] of large.entries())
  say(`${r.name.padEnd(28)} ${(percentile(r.api, 95) / percentile(small[i]!.api, 95)).toFixed(2).padStart(6)}`);
process.exit(0);
