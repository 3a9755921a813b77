// npm run bench:relay — what one real proxy daemon costs (issue: the proxy proxies). Starts its own
// console (fresh embedded PostgreSQL, loopback only), deploys one proxy with the manual deploy
// command's daemon (`node agent/pac-agent.mjs proxy`), and drives N virtual agents through it over
// real HTTP at the default heartbeat interval with data on. For each N it waits until the proxy
// vouches for them all, then measures a steady window: the proxy's CPU (percent of one core) and
// RSS, the proxy's upstream requests per second (counted by a pass-through in front of the console),
// and the console's and PostgreSQL's CPU for them.
//   npm run bench:relay -- [--clients 1000,6000] [--seconds 60] [--records-per-minute 6]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { AGENT_VERSION, createProtocolClient, jittered, sleep } from "../agent/protocol.mjs";
import { hashToken, newToken } from "../lib/crypto/tokens";
import { cpuWindow, findPids, rssMb, withChildren } from "./lib/bench/proc-usage";
import { OperatorApi } from "./lib/simulator/operator-api";
import { createAdminToken, ensureBuild, freePort, startOwnConsole } from "./lib/simulator/own-console";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1000,6000" },
    seconds: { type: "string", default: "60" },
    "records-per-minute": { type: "string", default: "6" },
  },
});
const steps = values.clients.split(",").map(Number);
const seconds = Number(values.seconds);
const recordsPerMinute = Number(values["records-per-minute"]);
if (steps.some((n) => !(n >= 1)) || !(seconds > 0) || !(recordsPerMinute >= 0)) {
  console.error("usage: npm run bench:relay -- [--clients 1000,6000] [--seconds 60] [--records-per-minute 6]");
  process.exit(2);
}
const say = (line: string) => console.log(`[bench] ${line}`);
const INTERVAL = 30; // the production heartbeat interval (SPEC §7)

/** Counts the proxy's upstream requests on their way to the console. */
function startCounter(target: string) {
  const counts = { requests: 0 };
  const server = http.createServer((req, res) => {
    counts.requests++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length"),
        ) as Record<string, string>;
        const r = await fetch(target + req.url, {
          method: req.method,
          headers,
          body: req.method === "GET" ? undefined : Buffer.concat(chunks),
        });
        res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await r.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  return new Promise<{ url: string; counts: typeof counts; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, counts, close: () => server.close() }),
    ),
  );
}

/** N agents of the cluster with credentials, inserted in one statement (registration is paced by R12). */
async function insertAgents(databaseUrl: string, clusterId: string, n: number, offset: number) {
  const credentials = Array.from({ length: n }, () => newToken("pag"));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `WITH a AS (
         INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, cpu_cores, memory_mb, agent_version,
                            agent_credential_hash, updated_at)
         SELECT gen_random_uuid(), 'cn', 'host', 'relay-bench-' || ($3::int + i), 'linux', 'Ubuntu 24.04', 'idc',
                ARRAY['10.77.' || (($3::int + i) / 256) % 256 || '.' || ($3::int + i) % 256], 2, 4096, '3.3.0', h, now()
           FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i) RETURNING id)
       INSERT INTO client_connection (asset_id, cluster_id) SELECT id, $1::uuid FROM a`,
      [clusterId, credentials.map(hashToken), offset],
    );
    await db.query(
      "UPDATE proxy_cluster SET client_count = (SELECT count(*) FROM client_connection WHERE cluster_id = $1) WHERE id = $1",
      [clusterId],
    );
  } finally {
    await db.end();
  }
  return credentials;
}

/** One virtual agent: heartbeats and data to the proxy at the default interval, over HTTP. */
async function runAgent(url: string, credential: string, signal: AbortSignal, firstDelayMs: number) {
  const client = createProtocolClient({ url, credential, signal, maxAttempts: 1, timeoutMs: 10_000 });
  if (await sleep(firstDelayMs, signal)) return;
  while (!signal.aborted) {
    try {
      await client.heartbeat({ agentVersion: AGENT_VERSION, viaProxyId: null });
      const count = Math.round((recordsPerMinute * INTERVAL) / 60);
      if (count > 0)
        await client.agentData(
          Array.from({ length: count }, (_, i) => ({
            type: "process_logs",
            at: new Date().toISOString(),
            data: { pid: i, comm: "sshd" },
          })),
        );
    } catch {
      // counted by the proxy's own figures; a virtual agent just tries again next interval
    }
    if (await sleep(jittered(INTERVAL * 1000, 0.1), signal)) return;
  }
}

ensureBuild(say);
const console_ = await startOwnConsole({ log: say, env: { HEARTBEAT_INTERVAL_SECONDS: String(INTERVAL) } });
const work = mkdtempSync(path.join(os.tmpdir(), "pac-bench-relay-"));
const stop = new AbortController();
const agents: Promise<void>[] = [];
let proxyProcess: ReturnType<typeof spawn> | null = null;
try {
  const token = createAdminToken(console_.databaseUrl, "bench-relay");
  const api = new OperatorApi(console_.url, token);
  const counter = await startCounter(console_.url);
  const cluster = await api.createCluster({ region: "cn", name: "relay-bench", address: "127.0.0.1", description: "" });
  const { token: deployToken } = await api.deployManual(cluster.id);
  const port = await freePort();
  writeFileSync(
    path.join(work, "config.json"),
    JSON.stringify({
      consoleUrl: counter.url,
      deployToken,
      proxyVersion: "1.5.0",
      facts: { hostname: "relay-bench-proxy", ips: ["10.77.255.1"], cpuCores: 8, memoryMb: 16384 },
    }),
    { mode: 0o600 },
  );
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  proxyProcess = spawn(
    process.execPath,
    [...profile, "agent/pac-agent.mjs", "proxy", "--config", path.join(work, "config.json")],
    {
      // BENCH_PROFILE=DIR writes a CPU profile of the proxy there when it stops.
      env: {
        ...process.env,
        AEGIS_PROXY_LISTEN: `127.0.0.1:${port}`,
        AEGIS_DATA: "0",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const proxyUrl = `http://127.0.0.1:${port}`;
  // The console's own processes (the start script, next) and its PostgreSQL share one process group.
  const postmaster = findPids((c) => c.includes("postgres") && c.includes(console_.dataDir) && c.includes(" -D "));
  const pgPids = postmaster.flatMap(withChildren);
  const nextPids = findPids(() => true, console_.group).filter((p) => !pgPids.includes(p));
  const rows: string[] = [];
  let total = 0;
  for (const n of steps) {
    const credentials = await insertAgents(console_.databaseUrl, cluster.id, n - total, total);
    for (const credential of credentials)
      agents.push(runAgent(proxyUrl, credential, stop.signal, Math.random() * INTERVAL * 1000));
    total = n;
    say(`${n} agents: waiting until the proxy vouches for all of them`);
    const db = new pg.Client({ connectionString: console_.databaseUrl });
    await db.connect();
    for (let waited = 0; waited < 180; waited++) {
      const { rows: r } = await db.query("SELECT count(*)::int n FROM asset WHERE via_proxy_id IS NOT NULL");
      if (r[0].n >= n) break;
      await sleep(1000);
    }
    await db.end();
    await sleep(5000);
    const proxyCpu = cpuWindow([proxyProcess.pid!]);
    const consoleCpu = cpuWindow(nextPids);
    const pgCpu = cpuWindow(pgPids);
    const before = counter.counts.requests;
    await sleep(seconds * 1000);
    const rate = (counter.counts.requests - before) / seconds;
    const row = `| ${n.toLocaleString("en")} | ${proxyCpu.end().toFixed(1)} | ${rssMb(proxyProcess.pid!).toFixed(0)} | ${rate.toFixed(2)} | ${consoleCpu.end().toFixed(1)} | ${pgCpu.end().toFixed(1)} |`;
    rows.push(row);
    say(row);
  }
  console.log("\n| clients | proxy CPU % of one core | proxy RSS MB | upstream requests/s | console CPU % | PostgreSQL CPU % |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
  counter.close();
} finally {
  stop.abort();
  await Promise.allSettled(agents);
  proxyProcess?.kill("SIGTERM");
  if (proxyProcess && proxyProcess.exitCode === null) await new Promise((resolve) => proxyProcess!.once("exit", resolve));
  await console_.stop();
  rmSync(work, { recursive: true, force: true });
}
