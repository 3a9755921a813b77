// npm run bench:fleet — a virtual fleet against one console (or several behind HAProxy) and its
// PostgreSQL on this machine (issue 16). N clients behind M proxies, grouped three proxies to a
// domain cluster. Each virtual proxy runs the real relay code of agent/ (ClientTable, DataPipe,
// the proxy loop and the protocol client) with its clients in memory, so the console gets exactly
// what real proxies send. Clients churn and send data. After the fleet is up it measures a steady
// window, then a fleet-wide reconnect (every proxy restarts at once), then the operator API with
// the fleet stopped, and ends with one `fleet:` line.
//   npm run bench:fleet -- [--clients 1000000] [--proxies 167] [--seconds 120] [--instances 1]
//                          [--churn 0.1] [--records-per-minute 0.2] [--cold]
// --cold starts with no client vouched for (every proxy reports all of its clients as joining);
// by default the fleet was up before the console started, as after a console upgrade.
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { createProtocolClient, DEFAULT_PROXY_VERSION, sleep } from "../agent/protocol.mjs";
import { silentLogger } from "../agent/log.mjs";
import { runProxyLoop } from "../agent/proxy-loop.mjs";
import { cpuWindow, findPids, rssMb, withChildren } from "./lib/bench/proc-usage";
import {
  databaseBytes,
  fleetCredential,
  insertFleetClients,
  onlineInDatabase,
  recountClients,
  tableBytes,
} from "./lib/bench/fleet-db";
import { percentile } from "./lib/bench/stats";
import { fakeFacts } from "./lib/simulator/fake-facts";
import { OperatorApi } from "./lib/simulator/operator-api";
import { createAdminToken, ensureBuild, freePort, startMoreInstances, startOwnConsole } from "./lib/simulator/own-console";
import type { ConsoleProcess } from "./lib/bench/console-process";
import { findHaproxy, HAPROXY_MISSING, startHaproxy, type Haproxy } from "./lib/bench/haproxy";
import { runRuleChecks } from "./lib/bench/rule-checks";
import { startVirtualRelay, type VirtualAgent } from "./lib/simulator/virtual-relay";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1000000" },
    proxies: { type: "string", default: "167" },
    seconds: { type: "string", default: "120" },
    instances: { type: "string", default: "1" },
    churn: { type: "string", default: "0.1" },
    "records-per-minute": { type: "string", default: "0.2" },
    cold: { type: "boolean", default: false },
  },
});
const N = Number(values.clients);
const M = Number(values.proxies);
const SECONDS = Number(values.seconds);
const INSTANCES = Number(values.instances);
const CHURN = Number(values.churn) / 100; // of the clients, per minute
const RECORDS = Number(values["records-per-minute"]);
if (!(N >= M && M >= 2 && SECONDS > 0 && INSTANCES >= 1 && CHURN >= 0 && RECORDS >= 0)) {
  console.error(
    "usage: npm run bench:fleet -- [--clients 1000000] [--proxies 167] [--seconds 120] [--instances 1] [--churn 0.1] [--records-per-minute 0.2] [--cold]",
  );
  process.exit(2);
}
const say = (line: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}`);
const INTERVAL = 30; // the production heartbeat interval (SPEC §7)
const OFFLINE_AFTER = 90;
const PER_CLUSTER = 3;
const RESERVE = 0.02; // clients kept aside per cluster to join as the churn's newcomers

type Proxy = {
  id: string;
  clusterId: string;
  credential: string;
  live: Set<VirtualAgent>;
  reserve: VirtualAgent[];
  run: null | { controller: AbortController; relay: Awaited<ReturnType<typeof startVirtualRelay>>; loop: Promise<unknown> };
};

/** Stops every virtual proxy; one that does not stop within 30 s is reported and left behind. */
async function stopAll() {
  let stopped = 0;
  const all = Promise.allSettled(
    proxies.map(async (p) => {
      await p.run?.loop;
      await p.run?.relay.close();
      stopped++;
    }),
  );
  if ((await Promise.race([all.then(() => true), sleep(30_000).then(() => false)])) === false)
    say(`${proxies.length - stopped} virtual proxies did not stop within 30 s; going on`);
}

/** What the proxies' requests to the console did, window by window. */
const relayStats = { ms: [] as number[], status: new Map<string, number>(), errors: 0, throttled: 0 };
function onRequest(event: { path: string; status: number | null; ms: number; error?: string }) {
  relayStats.ms.push(event.ms);
  const key = event.status === null ? "network" : String(event.status);
  relayStats.status.set(key, (relayStats.status.get(key) ?? 0) + 1);
  if (event.status === 429) relayStats.throttled++;
  else if (event.status === null || event.status >= 500) relayStats.errors++;
}
function resetRelayStats() {
  relayStats.ms = [];
  relayStats.status.clear();
  relayStats.errors = 0;
  relayStats.throttled = 0;
}

if (INSTANCES > 1 && !findHaproxy()) {
  console.error(HAPROXY_MISSING);
  process.exit(1);
}
ensureBuild(say);
const own = await startOwnConsole({
  log: say,
  env: { HEARTBEAT_INTERVAL_SECONDS: String(INTERVAL), OFFLINE_AFTER_SECONDS: String(OFFLINE_AFTER), DATABASE_POOL_SIZE: "10" },
});
const db = new pg.Client({ connectionString: own.databaseUrl });
const proxies: Proxy[] = [];
const stopFleet = new AbortController();
setMaxListeners(0, stopFleet.signal); // one listener per virtual proxy
let churnTimer: NodeJS.Timeout | null = null;
let more: ConsoleProcess[] = [];
let lb: Haproxy | null = null;
try {
  await db.connect();
  // Several instances: more `next start` processes on the same database, behind HAProxy.
  if (INSTANCES > 1) {
    const ports = await Promise.all(Array.from({ length: INSTANCES - 1 }, () => freePort()));
    more = await startMoreInstances(own, ports, { log: say });
    const backends = [own.url, ...more.map((c) => c.url)].map((u) => u.replace(/^http:\/\//, ""));
    lb = await startHaproxy({ port: await freePort(), backends });
    say(`HAProxy on ${lb.url} in front of ${backends.join(", ")}`);
  }
  const url = lb?.url ?? own.url;
  const token = createAdminToken(own.databaseUrl, "bench-fleet");
  const api = new OperatorApi(url, token);
  const seed = randomBytes(4).toString("hex");

  // Clusters of three proxies, each proxy registered with a manual deploy command's token.
  const clusterCount = Math.ceil(M / PER_CLUSTER);
  say(`creating ${clusterCount} clusters and registering ${M} proxies`);
  const clusters = [];
  for (let c = 0; c < clusterCount; c++)
    clusters.push(
      await api.createCluster({
        region: "cn",
        name: `fleet-${seed}-${c}`,
        address: `fleet-${c}.bench.internal`,
        description: "",
      }),
    );
  for (let i = 0; i < M; i++) {
    const cluster = clusters[Math.floor(i / PER_CLUSTER)]!;
    const { token: deployToken } = await api.deployManual(cluster.id, 1);
    const client = createProtocolClient({ url, maxAttempts: 5 });
    const reg = await client.registerProxy(deployToken, fakeFacts("cn", "proxy", i + 1, `fleet-${seed}`), DEFAULT_PROXY_VERSION);
    proxies.push({ id: reg.proxyId, clusterId: cluster.id, credential: reg.credential, live: new Set(), reserve: [], run: null });
  }

  // The clients, spread evenly; each proxy also keeps a reserve that joins as newcomers.
  const perProxy = Math.floor(N / M);
  const reservePerProxy = Math.ceil(perProxy * RESERVE);
  say(`inserting ${N.toLocaleString("en")} clients (+${(reservePerProxy * M).toLocaleString("en")} in reserve for the churn)`);
  const started = Date.now();
  let next = 1;
  for (const [i, proxy] of proxies.entries()) {
    const count = perProxy + (i < N % M ? 1 : 0);
    await insertFleetClients(db, {
      seed,
      clusterId: proxy.clusterId,
      from: next,
      to: next + count - 1,
      viaProxy: values.cold ? null : proxy.id,
    });
    for (let n = next; n < next + count; n++) proxy.live.add({ assetId: "", credential: fleetCredential(seed, n) });
    next += count;
    await insertFleetClients(db, {
      seed,
      clusterId: proxy.clusterId,
      from: next,
      to: next + reservePerProxy - 1,
      viaProxy: null,
    });
    for (let n = next; n < next + reservePerProxy; n++) proxy.reserve.push({ assetId: "", credential: fleetCredential(seed, n) });
    next += reservePerProxy;
    if ((i + 1) % 20 === 0) say(`  ${i + 1}/${M} proxies' clients inserted`);
  }
  await recountClients(db);
  await db.query("VACUUM ANALYZE asset");
  await db.query("VACUUM ANALYZE client_connection");
  say(`clients inserted in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  function startProxy(proxy: Proxy) {
    const controller = new AbortController();
    stopFleet.signal.addEventListener("abort", () => controller.abort(), { once: true });
    const client = createProtocolClient({
      url,
      credential: proxy.credential,
      signal: controller.signal,
      onRequest,
      timeoutMs: 30_000,
    });
    return startVirtualRelay({
      proxyId: proxy.id,
      clusterId: proxy.clusterId,
      client,
      agents: proxy.live,
      intervalSeconds: INTERVAL,
      recordsPerMinute: RECORDS,
      signal: controller.signal,
    }).then((relay) => {
      const loop = runProxyLoop({
        client,
        proxyId: proxy.id,
        version: DEFAULT_PROXY_VERSION,
        log: silentLogger,
        signal: controller.signal,
        relay: relay.relay,
      });
      proxy.run = { controller, relay, loop };
    });
  }
  const accepted = () => proxies.reduce((sum, p) => sum + (p.run?.relay.relay.clients.byAsset.size ?? 0), 0);
  const liveCount = () => proxies.reduce((sum, p) => sum + p.live.size, 0);
  async function waitUntilVouched(label: string, limitSeconds: number) {
    const t0 = Date.now();
    for (;;) {
      const a = accepted();
      if (a >= liveCount() * 0.999) return (Date.now() - t0) / 1000;
      if ((Date.now() - t0) / 1000 > limitSeconds) {
        say(`${label}: ${a}/${liveCount()} vouched after ${limitSeconds} s; going on`);
        return Infinity;
      }
      await sleep(2000);
    }
  }

  say(`starting ${M} virtual proxies (${values.cold ? "cold: every client joins" : "warm: the fleet was up before"})`);
  resetRelayStats();
  await Promise.all(proxies.map(startProxy));
  // Every client heartbeats its proxy once an interval: then the proxy reports it.
  const upSeconds = await waitUntilVouched("bring-up", 600);
  say(
    `fleet up: every proxy vouched for its clients in ${upSeconds.toFixed(0)} s (errors ${relayStats.errors}, 429s ${relayStats.throttled})`,
  );

  // Churn: a share of the clients leaves each minute and as many newcomers join.
  const churnPerTick = (N * CHURN) / 6; // every 10 s
  let churnCarry = 0;
  churnTimer = setInterval(() => {
    churnCarry += churnPerTick;
    for (; churnCarry >= 1; churnCarry--) {
      const proxy = proxies[Math.floor(Math.random() * proxies.length)]!;
      const leaving = proxy.live.values().next().value;
      const joining = proxy.reserve.shift();
      if (!leaving || !joining) continue;
      proxy.live.delete(leaving);
      proxy.live.add(joining);
      // It may come back later, once the proxy has reported it gone.
      setTimeout(() => proxy.reserve.push(leaving), (OFFLINE_AFTER + 2 * INTERVAL) * 1000).unref();
    }
  }, 10_000);

  // The console's processes: next (one per instance) and PostgreSQL with its backends.
  const postmaster = findPids((cmd) => cmd.includes("postgres") && cmd.includes(own.dataDir) && cmd.includes(" -D "));
  const nextPids = () => [
    ...findPids(() => true, own.group).filter((pid) => !postmaster.flatMap(withChildren).includes(pid) && pid !== own.group),
    ...more.flatMap((c) => withChildren(c.pid)),
  ];

  const clusterForPage = clusters[0]!.id;
  const operatorPaths = ["/api/v1/clusters?region=cn", `/api/v1/clusters/${clusterForPage}/clients`, "/api/v1/assets?region=cn"];
  async function operatorSamples(seconds: number) {
    const samples: number[] = [];
    const byPath = operatorPaths.map(() => [] as number[]);
    let errors = 0;
    const until = Date.now() + seconds * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const t0 = performance.now();
      const r = await fetch(url + operatorPaths[i % operatorPaths.length], {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null);
      if (!r?.ok) errors++;
      await r?.arrayBuffer();
      samples.push(performance.now() - t0);
      byPath[i % operatorPaths.length]!.push(performance.now() - t0);
      await sleep(250);
    }
    return { samples, errors, byPath };
  }

  say(`settling for ${INTERVAL * 2} s, then measuring ${SECONDS} s`);
  await sleep(INTERVAL * 2 * 1000);
  resetRelayStats();
  const beatsBefore = proxies.reduce((s, p) => s + p.run!.relay.counts.beats, 0);
  const bytesBefore = await databaseBytes(db);
  const tablesBefore = await tableBytes(db);
  const consoleCpu = cpuWindow(nextPids());
  const pgCpu = cpuWindow(postmaster.flatMap(withChildren));
  const t0 = Date.now();
  const operator = await operatorSamples(SECONDS);
  const elapsed = (Date.now() - t0) / 1000;
  const consolePct = consoleCpu.end();
  const pgPct = pgCpu.end();
  const hbPerS = (proxies.reduce((s, p) => s + p.run!.relay.counts.beats, 0) - beatsBefore) / elapsed;
  const growthPerHour = ((await databaseBytes(db)) - bytesBefore) * (3600 / elapsed);
  const tablesAfter = await tableBytes(db);
  const tableGrowthPerDay = (name: string) =>
    ((tablesAfter.get(name) ?? 0) - (tablesBefore.get(name) ?? 0)) * ((24 * 3600) / elapsed);
  const relayRequests = relayStats.ms.length;
  const relayP50 = percentile(relayStats.ms, 50);
  const relayP95 = percentile(relayStats.ms, 95);
  const steadyErrors = relayStats.errors + operator.errors;
  const consoleRss = nextPids().reduce((s, pid) => s + rssMb(pid), 0);
  const pgRss = postmaster.flatMap(withChildren).reduce((s, pid) => s + rssMb(pid), 0);

  // Online, as the operator sees it: the clients each cluster's serving proxies hold (the proxy panel).
  let online = 0;
  for (const cluster of clusters) {
    const { items } = await api.listProxies(cluster.id);
    for (const p of items as unknown as { status: string; heldClients: number }[])
      if (p.status === "online" || p.status === "upgrading") online += p.heldClients;
  }
  const onlineDb = await onlineInDatabase(db, OFFLINE_AFTER);
  say(`steady: ${relayRequests} relay requests, status ${JSON.stringify(Object.fromEntries(relayStats.status))}`);
  say(
    `steady: hb_per_s=${hbPerS.toFixed(0)} relay_per_s=${(relayRequests / elapsed).toFixed(1)} relay_p50/p95=${relayP50.toFixed(1)}/${relayP95.toFixed(1)} ms console_cpu=${consolePct.toFixed(1)} % pg_cpu=${pgPct.toFixed(1)} % operator_p95=${percentile(operator.samples, 95).toFixed(1)} ms online=${online} (db ${onlineDb}) errors=${steadyErrors} growth=${(growthPerHour / 2 ** 20).toFixed(1)} MB/h`,
  );

  // A fleet-wide reconnect: every proxy restarts at once and reports all of its clients again.
  say("fleet-wide reconnect: restarting every proxy at once");
  resetRelayStats();
  for (const p of proxies) p.run!.controller.abort();
  await stopAll();
  await Promise.all(proxies.map(startProxy));
  const reconnectSeconds = await waitUntilVouched("reconnect", 180);
  const reconnect5xx = relayStats.errors;
  const reconnect429 = relayStats.throttled;
  say(`reconnect absorbed in ${reconnectSeconds.toFixed(0)} s: 5xx/network ${reconnect5xx}, 429 ${reconnect429}`);

  // The same operator calls with the fleet stopped.
  if (churnTimer) clearInterval(churnTimer);
  stopFleet.abort();
  await stopAll();
  await sleep(5000);
  const idle = await operatorSamples(Math.min(SECONDS, 60));
  // The rules that must hold across instances, raced through the load balancer.
  const rules = INSTANCES > 1 ? await runRuleChecks(url, token, { region: "cn" }) : null;
  if (rules) say(`rule checks through the load balancer: ${rules.passed}/${rules.checks} passed ${rules.failures.join("; ")}`);

  const table = [
    ["clients", N.toLocaleString("en")],
    ["proxies (clusters of 3)", `${M} (${clusterCount})`],
    ["console instances", String(INSTANCES)],
    ["bring-up (every client vouched)", `${upSeconds.toFixed(0)} s${values.cold ? " (cold)" : " (warm)"}`],
    ["client heartbeats/s represented", hbPerS.toFixed(0)],
    ["relay requests/s to the console", (relayRequests / elapsed).toFixed(1)],
    ["relay request p50 / p95", `${relayP50.toFixed(1)} / ${relayP95.toFixed(1)} ms`],
    ["console CPU (% of one core) / RSS", `${consolePct.toFixed(1)} % / ${consoleRss.toFixed(0)} MB`],
    ["PostgreSQL CPU / RSS", `${pgPct.toFixed(1)} % / ${pgRss.toFixed(0)} MB`],
    ["database growth", `${(growthPerHour / 2 ** 20).toFixed(1)} MB/h (${((growthPerHour * 24) / 2 ** 30).toFixed(2)} GB/day)`],
    [
      "growth per day: rollups / audit / data samples / assets",
      ["data_rollup", "audit_event", "asset_data_sample", "asset"]
        .map((t) => `${(tableGrowthPerDay(t) / 2 ** 20).toFixed(0)} MB`)
        .join(" / "),
    ],
    ...operatorPaths.map((p, i) => [
      `operator p95 ${p.replace(clusterForPage, "{id}")} load / idle`,
      `${percentile(operator.byPath[i]!, 95).toFixed(1)} / ${percentile(idle.byPath[i]!, 95).toFixed(1)} ms`,
    ]),
    [
      "operator API p95 under load / idle",
      `${percentile(operator.samples, 95).toFixed(1)} / ${percentile(idle.samples, 95).toFixed(1)} ms`,
    ],
    [
      "operator API p50 under load / idle",
      `${percentile(operator.samples, 50).toFixed(1)} / ${percentile(idle.samples, 50).toFixed(1)} ms`,
    ],
    ["online (operator API / database)", `${online.toLocaleString("en")} / ${onlineDb.toLocaleString("en")}`],
    ["fleet-wide reconnect absorbed", `${reconnectSeconds.toFixed(0)} s, 5xx ${reconnect5xx}, 429 ${reconnect429}`],
    ["errors (5xx, network, operator)", String(steadyErrors)],
    ...(rules ? [["rule checks through HAProxy", `${rules.passed}/${rules.checks} passed`]] : []),
  ];
  console.log("\n| measure | value |\n| --- | ---: |");
  for (const [k, v] of table) console.log(`| ${k} | ${v} |`);
  console.log(
    `fleet: clients=${N} proxies=${M} instances=${INSTANCES} online=${online} hb_per_s=${hbPerS.toFixed(0)} relay_p95_ms=${relayP95.toFixed(1)} console_cpu_pct=${consolePct.toFixed(1)} pg_cpu_pct=${pgPct.toFixed(1)} operator_p95_ms=${percentile(operator.samples, 95).toFixed(1)} idle_operator_p95_ms=${percentile(idle.samples, 95).toFixed(1)} errors=${steadyErrors + reconnect5xx + (rules ? rules.checks - rules.passed : 0)}`,
  );
} finally {
  if (churnTimer) clearInterval(churnTimer);
  stopFleet.abort();
  await stopAll();
  await db.end().catch(() => undefined);
  await lb?.close();
  await Promise.allSettled(more.map((c) => c.stop()));
  await own.stop();
}
