// npm run bench:heartbeats — how many heartbeats per second one console instance sustains.
// Starts its own console (fresh embedded PostgreSQL, free ports, loopback only), registers P
// proxies through manual deploy commands (or P agents through an install command with
// --kind agent), then drives heartbeats over HTTP at increasing concurrency for a bounded time
// per step and prints a table.
//   npm run bench:heartbeats -- [--kind proxy|agent] [--proxies 300] [--steps 1,4,16,32,64] [--step-seconds 20]
import { parseArgs } from "node:util";
import { AGENT_VERSION, createProtocolClient, DEFAULT_PROXY_VERSION, type ProtocolClient } from "../agent/protocol.mjs";
import { fakeFacts } from "./lib/simulator/fake-facts";
import { mapLimit } from "./lib/simulator/limiter";
import { OperatorApi } from "./lib/simulator/operator-api";
import { createAdminToken, ensureBuild, startOwnConsole, type OwnConsole } from "./lib/simulator/own-console";
import { percentile } from "./lib/simulator/stats";

const { values } = parseArgs({
  options: {
    kind: { type: "string", default: "proxy" },
    proxies: { type: "string", default: "300" },
    steps: { type: "string", default: "1,4,16,32,64" },
    "step-seconds": { type: "string", default: "20" },
  },
});
const proxyCount = Number(values.proxies);
const steps = values.steps.split(",").map(Number);
const stepSeconds = Number(values["step-seconds"]);
const kind = values.kind;
if (!(proxyCount >= 1) || steps.some((c) => !(c >= 1)) || !(stepSeconds > 0) || (kind !== "proxy" && kind !== "agent")) {
  console.error("usage: npm run bench:heartbeats -- [--kind proxy|agent] [--proxies N] [--steps 1,4,16] [--step-seconds S]");
  process.exit(2);
}
const say = (line: string) => console.log(`[bench] ${line}`);

/** A registered virtual server: a proxy (id) or an agent (id null). */
type Proxy = { id: string | null; client: ProtocolClient };
type StepResult = { concurrency: number; rate: number; p50: number; p95: number; p99: number; errors: number; total: number };

/** Agents through one install command without a cluster: inventory only, so no R12 window. */
async function registerAgents(url: string, token: string): Promise<Proxy[]> {
  const api = new OperatorApi(url, token);
  const install = await api.createInstallCommand({ region: "cn", clusterId: null, expiresInHours: 1 });
  return mapLimit(
    Array.from({ length: proxyCount }, (_, i) => i + 1),
    8,
    async (n) => {
      const client = createProtocolClient({ url, maxAttempts: 1, timeoutMs: 30_000 });
      const reg = await client.register(install.token, fakeFacts("cn", "agent", n, "bench"));
      client.setCredential(reg.credential);
      return { id: null, client };
    },
  );
}

async function registerProxies(url: string, token: string): Promise<Proxy[]> {
  const api = new OperatorApi(url, token);
  const cluster = await api.createCluster({ region: "cn", name: "bench", address: "bench.example.internal", description: "" });
  return mapLimit(
    Array.from({ length: proxyCount }, (_, i) => i + 1),
    8,
    async (n) => {
      const { token: deployToken } = await api.deployManual(cluster.id);
      const client = createProtocolClient({ url, maxAttempts: 1, timeoutMs: 30_000 });
      const reg = await client.registerProxy(deployToken, fakeFacts("cn", "proxy", n, "bench"), DEFAULT_PROXY_VERSION);
      client.setCredential(reg.credential);
      return { id: reg.proxyId, client };
    },
  );
}

/** C workers in a closed loop, each sending the next proxy's heartbeat as soon as the last answered. */
async function runStep(proxies: Proxy[], concurrency: number, seconds = stepSeconds): Promise<StepResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (Date.now() < until) {
      const proxy = proxies[next++ % proxies.length]!;
      const t0 = performance.now();
      try {
        if (proxy.id === null) await proxy.client.heartbeat({ agentVersion: AGENT_VERSION, viaProxyId: null });
        else {
          await proxy.client.proxyHeartbeat(proxy.id, {
            proxyVersion: DEFAULT_PROXY_VERSION,
            connectedClients: 100,
            bytesRelayed: 1_000_000,
            cacheBytes: 0,
            policyVersion: 1,
          });
        }
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    total: latencies.length + errors,
  };
}

function printTable(results: StepResult[]) {
  const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(i === 0 ? 11 : 13)).join(" ");
  console.log(row(["concurrency", "heartbeats/s", "p50 ms", "p95 ms", "p99 ms", "errors"]));
  for (const r of results) {
    console.log(
      row([r.concurrency, r.rate.toFixed(1), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), `${r.errors}/${r.total}`]),
    );
  }
  // Sustained: the best rate of a step without errors and with p95 under one second.
  const clean = results.filter((r) => r.errors === 0 && r.p95 < 1000);
  const best = clean.sort((a, b) => b.rate - a.rate)[0];
  if (!best) return say("no step ran without errors and with p95 < 1 s");
  const interval = Number(process.env.HEARTBEAT_INTERVAL_SECONDS ?? 30);
  say(
    `sustained: ${best.rate.toFixed(0)} heartbeats/s (concurrency ${best.concurrency}, p95 ${best.p95.toFixed(0)} ms, no errors) ` +
      `≈ ${Math.floor(best.rate * interval).toLocaleString("en")} proxies or agents at one heartbeat every ${interval} s, on one console instance`,
  );
}

let own: OwnConsole | undefined;
const stopAll = async () => {
  await own?.stop();
  own = undefined;
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
process.on("SIGTERM", () => void stopAll().then(() => process.exit(143)));

try {
  ensureBuild(say);
  own = await startOwnConsole({ log: say });
  const token = createAdminToken(own.databaseUrl, "bench");
  say(
    `registering ${proxyCount} ${kind === "agent" ? "agents through an install command" : "proxies through manual deploy commands"}`,
  );
  const proxies = kind === "agent" ? await registerAgents(own.url, token) : await registerProxies(own.url, token);
  await runStep(proxies, Math.min(8, proxyCount), 5); // warm-up: JIT, connection pools
  const results: StepResult[] = [];
  for (const concurrency of steps) {
    say(`concurrency ${concurrency}: ${stepSeconds} s`);
    results.push(await runStep(proxies, concurrency));
  }
  say(
    `${kind} heartbeats, ${proxyCount} ${kind === "proxy" ? "proxies" : "agents"}, ${stepSeconds} s per step, loopback, DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? 10}`,
  );
  printTable(results);
} catch (error) {
  console.error(`[bench] failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
