// The faults of issue 15, each played against the real stage and fleet, each ending in rows of
// the suite's table: what was checked, whether it held, and the figure behind it.
import { randomUUID } from "node:crypto";
import { mkdirSync, cpSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { sleep } from "../../../agent/protocol.mjs";
import { routeOf, type Exchange } from "./http-front";
import type { Fleet } from "./fleet";

type Mark = { accepted: number; ingested: number };
import type { Stage } from "./stage";

export type Row = { fault: string; check: string; ok: boolean; detail: string };
export type Scenario = { name: string; run: (s: Stage, f: Fleet, o: Options, mark: Mark) => Promise<Row[]> };
export type Options = { quick: boolean; say: (line: string) => void };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Rows every fault shares: no 500s since `from`, and the records end to end once drained. */
async function common(fault: string, s: Stage, f: Fleet, from: number, mark: Mark): Promise<Row[]> {
  const drained = await f.drained(mark, 120);
  const errors = s.front.serverErrors().filter((e) => e.at >= from);
  return [
    {
      fault,
      check: "no 500s",
      ok: errors.length === 0,
      detail: describe(
        errors,
        s.front.exchanges.filter((e) => e.at >= from),
      ),
    },
    {
      fault,
      check: "records end to end (taken by the proxies = stored)",
      ok: drained.accepted === drained.ingested && drained.accepted > 0,
      detail: `${drained.accepted} taken, ${drained.ingested} stored${drained.ingested > drained.accepted ? ` (${drained.ingested - drained.accepted} duplicated)` : drained.ingested < drained.accepted ? ` (${drained.accepted - drained.ingested} lost)` : ""}`,
    },
  ];
}

function describe(errors: Exchange[], all: Exchange[]): string {
  const count = (status: number) => all.filter((e) => e.status === status).length;
  const base = `${all.length} answers: ${count(503)} × 503, ${count(429)} × 429, ${count(502)} × console down`;
  if (errors.length === 0) return base;
  const first = errors.slice(0, 3).map((e) => `${e.status} ${e.method} ${routeOf(e.path)}`);
  return `${errors.length} × 5xx: ${first.join("; ")}`;
}

/** Polls the cluster list as an operator's page would, so that outages meet real reads. */
function operatorLoad(s: Stage, clusterId: string) {
  let running = true;
  const latencies: number[] = [];
  const loop = (async () => {
    while (running) {
      const answer = await s.call("GET", `/api/v1/clusters/${clusterId}`, undefined, 30_000);
      latencies.push(answer.ms);
      await sleep(1000);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Math.max(0, ...latencies);
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, seconds: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (await check().catch(() => false)) return Date.now() - started;
    await sleep(250);
  }
  return null;
}

const healthy = (s: Stage) => async () => (await s.call("GET", "/api/health", undefined, 5000)).status === 200;

async function offlineAlertsSince(s: Stage, from: number) {
  const answer = await s.call("GET", "/api/v1/alerts?region=cn&state=all&limit=200");
  const items = (answer.json as { items?: { kind: string; openedAt?: string; createdAt?: string }[] } | null)?.items ?? [];
  return items.filter((a) => a.kind === "proxy_offline" && Date.parse(a.openedAt ?? a.createdAt ?? "") >= from - 1000);
}

async function clientsOnline(s: Stage, f: Fleet) {
  const answer = await s.call("GET", `/api/v1/clusters/${f.clusterId}/clients/count?agentStatus=offline`);
  return answer.status === 200 ? (answer.json as { total: number }).total : -1;
}

export const postgresStopped: Scenario = {
  name: "PostgreSQL stopped under fleet load",
  async run(s, f, o, mark) {
    const outage = o.quick ? 20 : 30; // longer than OFFLINE_AFTER_SECONDS either way
    const fault = `PostgreSQL stopped ${outage} s under fleet load`;
    const from = Date.now();
    const load = operatorLoad(s, f.clusterId);
    const beatsFailed = () => [...f.tally.values()].reduce((sum, t) => sum + t.beatsFailed, 0);
    const beats = () => [...f.tally.values()].reduce((sum, t) => sum + t.beats, 0);
    const [failedBefore, beatsBefore] = [beatsFailed(), beats()];
    await s.stopPostgres();
    await sleep(outage * 1000);
    const [failedDuring, beatsDuring] = [beatsFailed() - failedBefore, beats() - beatsBefore];
    const back = Date.now();
    await s.startPostgres();
    const healthMs = await waitUntil(healthy(s), 60);
    // Read at once, before the fleet's next heartbeats can have landed: the outage must not read as offline.
    const statuses = await f.proxyStatuses();
    const offlineClients = await clientsOnline(s, f);
    const dataMs = await waitUntil(
      async () => s.front.exchanges.some((e) => e.at > back && /\/data$/.test(routeOf(e.path)) && e.status === 200),
      60,
    );
    const slowest = await load.stop();
    await sleep(4000); // two alert evaluations
    const alerts = await offlineAlertsSince(s, from);
    return [
      ...(await common(fault, s, f, from, mark)),
      {
        fault,
        check: "statuses right after recovery (proxies online, no client offline)",
        ok: statuses.every((st) => st === "online") && offlineClients === 0,
        detail: `proxies: ${statuses.join(", ")}; offline clients: ${offlineClients}`,
      },
      {
        fault,
        check: "the proxies keep answering their agents",
        ok: failedDuring === 0 && beatsDuring > 0,
        detail: `${beatsDuring} agent heartbeats answered during the outage, ${failedDuring} failed`,
      },
      { fault, check: "no proxy-offline alert for the outage", ok: alerts.length === 0, detail: `${alerts.length} opened` },
      { fault, check: "no request hangs (slowest operator read)", ok: slowest < 15_000, detail: seconds(slowest) },
      {
        fault,
        check: "recovery time (PostgreSQL back → health 200 → first data stored)",
        ok: healthMs !== null && dataMs !== null,
        detail: `${healthMs === null ? "never" : seconds(healthMs)} → ${dataMs === null ? "never" : seconds(dataMs)}`,
      },
    ];
  },
};

/** Servers whose agents report directly, heard "now" (kept fresh by `touch`), not connected anywhere. */
async function directAssets(s: Stage, n: number, prefix: string): Promise<string[]> {
  const rows = await s.sql<{ id: string }>(
    `INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, cpu_cores, memory_mb, agent_version,
                        agent_credential_hash, agent_last_seen_at, updated_at)
     SELECT gen_random_uuid(), 'cn', 'host', $2 || i, 'linux', 'Ubuntu 24.04', 'idc', ARRAY['10.97.' || (i / 256) || '.' || (i % 256)],
            2, 4096, '3.3.0', md5(random()::text), now(), now()
       FROM generate_series(1, $1::int) i RETURNING id`,
    [n, `${prefix}-${randomUUID().slice(0, 8)}-`],
  );
  return rows.map((r) => r.id);
}

/** Keeps direct agents heard, as their own heartbeats would (every 2 s, straight to the database). */
function touch(s: Stage, ids: string[]) {
  let running = true;
  const loop = (async () => {
    while (running) {
      await s.sql("UPDATE asset SET agent_last_seen_at = now() WHERE id = ANY($1::uuid[])", [ids]).catch(() => undefined);
      await sleep(2000);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

export const postgresRestartedMidBatch: Scenario = {
  name: "PostgreSQL restarted mid-batch",
  async run(s, f, _o, mark) {
    const fault = "PostgreSQL restarted mid-batch (500 servers)";
    const from = Date.now();
    const ids = await directAssets(s, 500, "batch");
    const untouch = touch(s, ids);
    // Each statement's answer held 40 ms: the batch is still in its transaction when the server goes.
    s.pgFront.setDelay(40);
    const first = s.call("POST", `/api/v1/clusters/${f.clusterId}/clients`, { assetIds: ids }, 60_000);
    await sleep(400);
    await s.stopPostgres();
    await s.startPostgres();
    s.pgFront.setDelay(0);
    const firstAnswer = await first;
    const count = async () =>
      Number(
        (await s.sql<{ n: string }>("SELECT count(*) AS n FROM client_connection WHERE asset_id = ANY($1::uuid[])", [ids]))[0]!.n,
      );
    const audits = async () =>
      Number(
        (
          await s.sql<{ n: string }>(
            "SELECT count(*) AS n FROM audit_event WHERE action = 'clients.connect' AND outcome = 'success' AND at >= $1 AND (details->>'connected')::int > 0",
            [new Date(from)],
          )
        )[0]!.n,
      );
    const afterFault = await count();
    const auditsAfterFault = await audits();
    await waitUntil(healthy(s), 60);
    // The operator tries again once the interval (R12) allows.
    let retry = { status: 0 } as { status: number };
    if (afterFault === 0)
      for (let i = 0; i < 20; i++) {
        retry = await s.call("POST", `/api/v1/clusters/${f.clusterId}/clients`, { assetIds: ids });
        if (retry.status !== 429 && retry.status !== 503) break;
        await sleep(1000);
      }
    const finalCount = await count();
    const finalAudits = await audits();
    await untouch();
    return [
      ...(await common(fault, s, f, from, mark)).slice(0, 1),
      {
        fault,
        check: "all or nothing: the batch with its audit event, or neither",
        ok: (afterFault === 0 && auditsAfterFault === 0) || (afterFault === 500 && auditsAfterFault === 1),
        detail: `first answer ${firstAnswer.status}; ${afterFault} connected, ${auditsAfterFault} audit events`,
      },
      {
        fault,
        check: "statuses after recovery (the retry connects all 500 once)",
        ok: finalCount === 500 && finalAudits === 1,
        detail: `${afterFault === 0 ? `retry ${retry.status}; ` : ""}${finalCount} connected, ${finalAudits} audit event(s)`,
      },
    ];
  },
};

export const consoleKilledMidJob: Scenario = {
  name: "console killed mid-pacer-job",
  async run(s, f, _o, mark) {
    const fault = "console killed (kill -9) mid-pacer-job (1,500 servers, 3 waves)";
    const from = Date.now();
    const ids = await directAssets(s, 1500, "paced");
    const untouch = touch(s, ids);
    const job = await s.must<{ id: string }>("POST", `/api/v1/clusters/${f.clusterId}/connect-jobs`, { assetIds: ids });
    const position = async () =>
      (
        await s.sql<{ position: number; status: string; connected: number; waves: number; last_error: unknown }>(
          "SELECT position, status, connected, waves, last_error FROM connect_job WHERE id = $1",
          [job.id],
        )
      )[0]!;
    await waitUntil(async () => (await position()).position >= 500, 60);
    const atKill = await position();
    await s.killConsole();
    const restarted = Date.now();
    await s.startConsole();
    const doneMs = await waitUntil(async () => (await position()).status !== "running", 120);
    const end = await position();
    const connected = Number(
      (await s.sql<{ n: string }>("SELECT count(*) AS n FROM client_connection WHERE asset_id = ANY($1::uuid[])", [ids]))[0]!.n,
    );
    await untouch();
    return [
      ...(await common(fault, s, f, from, mark)),
      {
        fault,
        check: "the job resumes where it stopped: every server connected once",
        ok: end.status === "done" && connected === 1500 && end.connected === 1500 && end.waves === 3,
        detail: `killed at ${atKill.position}/1500; then ${end.status}, ${end.connected} connected in ${end.waves} waves, ${connected} rows${end.last_error ? `; last error ${JSON.stringify(end.last_error).slice(0, 300)}` : ""}`,
      },
      {
        fault,
        check: "recovery time (restart → job done)",
        ok: doneMs !== null,
        detail: doneMs === null ? "never" : seconds(Date.now() - restarted),
      },
    ];
  },
};

export const proxyKilledMidDrain: Scenario = {
  name: "proxy killed mid-drain",
  async run(s, f, o, mark) {
    const fault = "proxy killed (kill -9) mid-drain";
    const from = Date.now();
    const proxy = f.proxies[0]!;
    // A backlog: the console's database frozen for a while, so the proxies queue their agents' data.
    s.pgFront.freeze();
    await sleep((o.quick ? 8 : 15) * 1000);
    // Then slow (every statement's answer held 300 ms), so the drain's batches are long in flight.
    s.pgFront.setDelay(300);
    s.pgFront.thaw();
    const pattern = new RegExp(`/proxies/${proxy.id}/data`);
    const caught = await waitUntil(async () => s.front.inFlight(pattern) > 0, 60);
    await f.killProxy(proxy);
    s.pgFront.setDelay(0);
    await sleep(1000);
    f.startProxy(proxy);
    const rows = await common(fault, s, f, from, mark);
    return [
      ...rows,
      {
        fault,
        check: "killed while a batch was at the console",
        ok: caught !== null,
        detail: caught === null ? "no batch in flight seen" : `after ${seconds(caught)} of draining`,
      },
    ];
  },
};

/** A tmpfs of `bytes` mounted on `dir` (root only); false when it cannot be mounted. */
function mountSmall(dir: string, bytes: number): boolean {
  if (process.getuid?.() !== 0 || process.platform !== "linux") return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const proxyDiskFull: Scenario = {
  name: "proxy queue disk full",
  async run(s, f, _o, mark) {
    const proxy = f.proxies[1]!;
    const from = Date.now();
    // Move the proxy's state (its config, credential and queue) onto a 256 KiB disk.
    await f.stopProxy(proxy);
    const small = path.join(s.work, `${proxy.name}-small`);
    mkdirSync(small, { recursive: true });
    const mounted = mountSmall(small, 256 * 1024);
    cpSync(path.join(proxy.dir, "config.json"), path.join(small, "config.json"));
    const oldDir = proxy.dir;
    proxy.dir = small;
    if (!mounted) proxy.env.AEGIS_PROXY_QUEUE_MAX_BYTES = String(192 * 1024); // a size-capped folder instead
    const fault = `proxy queue disk full (${mounted ? "256 KiB tmpfs" : "queue capped at 192 KiB"})`;
    f.startProxy(proxy);
    // The drain held back (10 records a minute) while agents send 1 KiB records: the queue fills.
    await s.must("PUT", `/api/v1/clusters/${f.clusterId}/policy`, { mode: "backflow", bandwidthKbps: null, frequencyPerMin: 10 });
    f.padBytes = 1024;
    const refusedBefore = f.tally.get(proxy.url)!.refused;
    const beatsBefore = f.tally.get(proxy.url)!.beats;
    const full = await waitUntil(async () => f.tally.get(proxy.url)!.refused > refusedBefore, 90);
    const fullFrom = Date.now();
    await sleep(12_000); // heartbeats while full, and two alert evaluations
    const beats = s.front.exchanges
      .filter((e) => e.at >= fullFrom && e.status === 200 && e.path.endsWith(`/proxies/${proxy.id}/heartbeat`))
      .map((e) => e.at);
    const longestGap = Math.max(...[fullFrom, ...beats, Date.now()].map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]!)));
    const [row] = await s.sql<{ dropped: string; seen: Date }>(
      "SELECT dropped_records AS dropped, last_heartbeat_at AS seen FROM proxy_server WHERE id = $1",
      [proxy.id],
    );
    const statuses = await f.proxyStatuses();
    const alerts = await s.call("GET", "/api/v1/alerts?region=cn&state=open&limit=200");
    const dropping = ((alerts.json as { items?: { kind: string }[] } | null)?.items ?? []).filter(
      (a) => a.kind === "queue_dropping",
    );
    const beatsWhileFull = f.tally.get(proxy.url)!.beats - beatsBefore;
    // Lift the limit: what was queued drains; the move back to a roomy disk ends the fault.
    f.padBytes = 64;
    await s.must("PUT", `/api/v1/clusters/${f.clusterId}/policy`, {
      mode: "backflow",
      bandwidthKbps: null,
      frequencyPerMin: null,
    });
    const rows = await common(fault, s, f, from, mark);
    await f.stopProxy(proxy);
    cpSync(path.join(small, "config.json"), path.join(oldDir, "config.json"));
    if (mounted) execFileSync("umount", [small], { stdio: "ignore" });
    rmSync(small, { recursive: true, force: true });
    proxy.dir = oldDir;
    delete proxy.env.AEGIS_PROXY_QUEUE_MAX_BYTES;
    f.startProxy(proxy);
    const refused = f.tally.get(proxy.url)!.refused - refusedBefore;
    return [
      ...rows,
      {
        fault,
        check: "keeps relaying heartbeats while full (status online)",
        ok: full !== null && beatsWhileFull > 0 && longestGap < 12_000 && statuses.every((st) => st === "online"),
        detail: `${beatsWhileFull} agent heartbeats answered while full; its own every ${seconds(longestGap)} at most (5 s interval); proxies: ${statuses.join(", ")}`,
      },
      {
        fault,
        check: "counts and reports what it could not write",
        ok: Number(row!.dropped) > 0 && refused > 0,
        detail: `${refused} records refused to agents; ${row!.dropped} dropped reported to the console`,
      },
      { fault, check: "the data-dropped alert is raised", ok: dropping.length > 0, detail: `${dropping.length} open` },
    ];
  },
};

export const slowUpstream: Scenario = {
  name: "console's upstream answering slowly",
  async run(s, f, o, mark) {
    const slowFor = o.quick ? 8 : 20;
    const fault = `the console's database answering slowly (each answer held 1.5 s for ${slowFor} s)`;
    const from = Date.now();
    const load = operatorLoad(s, f.clusterId);
    s.pgFront.setDelay(1500);
    await sleep(slowFor * 1000);
    s.pgFront.setDelay(0);
    const back = Date.now();
    const slowest = await load.stop();
    const recoveredMs = await waitUntil(
      async () => (await f.proxyStatuses()).every((st) => st === "online") && (await healthy(s)()),
      60,
    );
    return [
      ...(await common(fault, s, f, from, mark)),
      {
        fault,
        check: "every request answered within the bound (slowest operator read)",
        ok: slowest < 20_000,
        detail: seconds(slowest),
      },
      {
        fault,
        check: "statuses after recovery (all proxies online)",
        ok: recoveredMs !== null,
        detail: recoveredMs === null ? "never" : `${seconds(Date.now() - back)} after the delay ended`,
      },
    ];
  },
};

export const SCENARIOS: Scenario[] = [
  postgresStopped,
  postgresRestartedMidBatch,
  consoleKilledMidJob,
  proxyKilledMidDrain,
  proxyDiskFull,
  slowUpstream,
];
