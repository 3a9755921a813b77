// npm run simulate — a fleet of virtual agents and proxies speaking the real agent protocol
// over HTTP (SPEC §6), for demos and load tests. See scripts/lib/simulator/options.ts for flags.
//   npm run simulate -- --url http://localhost:3000 --token pac_... --region cn --clusters sim-a,sim-b --agents 1000 --proxies 4
//   npm run simulate -- --demo --url http://localhost:3000   (what `npm start` runs for the demo data)
import { startDemoFleet } from "./lib/simulator/demo-fleet";
import { Fleet } from "./lib/simulator/fleet";
import { startFleet } from "./lib/simulator/fleet-setup";
import { parseSimOptions, type SimOptions } from "./lib/simulator/options";
import { sleep } from "../agent/protocol.mjs";

const say = (line: string) => console.log(`[simulator] ${new Date().toISOString().slice(11, 19)} ${line}`);

let options: SimOptions;
try {
  options = parseSimOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

/** The demo simulator starts alongside `next start`: wait until the console answers. */
async function waitForConsole(url: string, signal: AbortSignal) {
  for (let i = 0; !signal.aborted; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      if (i === 10) say(`waiting for the console at ${url}`);
      await sleep(1000, signal);
    }
  }
}

const fleet = new Fleet({
  url: options.url,
  concurrency: options.concurrency,
  intervalSeconds: options.interval ?? null,
  expectedIntervalSeconds: options.interval ?? Number(process.env.HEARTBEAT_INTERVAL_SECONDS ?? 30),
  log: say,
});

let stopping = false;
async function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  say(`stopping (${reason})`);
  clearInterval(summaries);
  // In-flight requests are aborted, so this is quick; never let a stuck one keep us alive.
  setTimeout(() => process.exit(0), 5000).unref();
  await fleet.stop();
  say(`final: ${fleet.stats.totalHeartbeats} heartbeats, ${fleet.stats.totalErrors} errors`);
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
// Started by `npm start` with an IPC channel: end with the parent, however it ends.
process.on("disconnect", () => void stop("parent exited"));

let expected = { agents: 0, proxies: 0 };
const summaries = setInterval(() => say(fleet.stats.summary(expected)), options.summaryEvery * 1000);

try {
  if (options.demo) {
    await waitForConsole(options.url, fleet.controller.signal);
    expected = await startDemoFleet(fleet, say);
    if (expected.agents + expected.proxies === 0) await stop("nothing to simulate");
  } else {
    say(
      `${options.agents} agents and ${options.proxies} proxies → ${options.url} (${options.region}: ${options.clusters.join(", ")})`,
    );
    expected = { agents: options.agents, proxies: options.proxies };
    expected = await startFleet(fleet, options, say);
  }
} catch (error) {
  say(`setup failed: ${(error as Error).message}`);
  await fleet.stop();
  process.exit(1);
}
if (options.duration) setTimeout(() => void stop(`--duration ${options.duration}s elapsed`), options.duration * 1000).unref();
