// npm run test:faults — the fault suite (issue 15): plays each fault against real processes on
// this machine (its own PostgreSQL, the console as `npm start` runs it on an external database,
// real proxy daemons, virtual agents over HTTP) and prints a table: fault, what was checked,
// result. Exits 1 when any check failed.
//   npm run test:faults              the faults at full length (PostgreSQL stopped for 30 s, ...)
//   npm run test:faults -- --quick   shorter outages and a smaller fleet (what `npm test` runs)
//   npm run test:faults -- --only "proxy killed"   the faults whose name contains this text
// Needs a production build (next build). FAULTS_KEEP=1 keeps the work folder and its logs.
import { parseArgs } from "node:util";
import { ensureBuild } from "./lib/simulator/own-console";
import { Fleet } from "./lib/faults/fleet";
import { SCENARIOS, type Row } from "./lib/faults/scenarios";
import { Stage } from "./lib/faults/stage";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" } } });
const quick = values.quick!;
const say = (line: string) => console.log(`[faults] ${line}`);
const scenarios = SCENARIOS.filter((s) => !values.only || s.name.includes(values.only));

ensureBuild(say);
const stage = new Stage(say);
const fleet = new Fleet(stage, say);
const rows: Row[] = [];
const started = Date.now();
let failed = false;
try {
  say("starting PostgreSQL, the console and the fleet");
  await stage.start();
  await fleet.setUp(2);
  await fleet.addAgents(quick ? 20 : 60);
  await fleet.waitFor(
    "the proxies vouch for every agent",
    async () =>
      Number((await stage.sql<{ n: string }>("SELECT count(*) AS n FROM asset WHERE via_proxy_id IS NOT NULL"))[0]!.n) >=
      (quick ? 20 : 60),
    90,
  );
  for (const scenario of scenarios) {
    say(`fault: ${scenario.name}`);
    const t = Date.now();
    try {
      const result = await scenario.run(stage, fleet, { quick, say }, await fleet.mark());
      for (const row of result) say(`  ${row.ok ? "ok  " : "FAIL"} ${row.check}: ${row.detail}`);
      rows.push(...result);
    } catch (error) {
      rows.push({
        fault: scenario.name,
        check: "the fault played out",
        ok: false,
        detail: (error as Error).message.split("\n")[0]!,
      });
      say(`  FAIL ${(error as Error).stack}`);
      say(`  the console's log:\n${stage.consoleLogTail()}`);
    }
    say(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
} catch (error) {
  failed = true;
  say(`the suite could not run: ${(error as Error).stack}`);
  say(`the console's log:\n${stage.consoleLogTail()}`);
} finally {
  await fleet.close().catch(() => undefined);
  await stage.close().catch(() => undefined);
}

const cell = (text: string) => text.replaceAll("|", "\\|");
console.log(`\nFault suite${quick ? " (quick)" : ""}, ${((Date.now() - started) / 1000).toFixed(0)} s:\n`);
console.log("| fault | checked | result |");
console.log("| --- | --- | --- |");
for (const row of rows)
  console.log(`| ${cell(row.fault)} | ${cell(row.check)} | ${row.ok ? "pass" : "FAIL"}: ${cell(row.detail)} |`);
const failures = rows.filter((r) => !r.ok).length;
console.log(`\n${rows.length - failures} of ${rows.length} checks passed`);
process.exit(failed || failures > 0 || rows.length === 0 ? 1 : 0);
