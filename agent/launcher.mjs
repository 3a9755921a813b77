#!/usr/bin/env node
// pac-launcher — what systemd or nohup starts (issue 17): a small, stable process that runs the
// current release of the daemon as its child and switches versions.
//   node launcher.mjs agent|proxy --config $ROOT/config.json [more daemon options]
// The child is `node <dir>/pac-agent.mjs <same arguments>`, <dir> from $ROOT/current.json (else
// this launcher's own folder, the version the install script put there). When the child exits
// with EXIT_UPGRADE after staging a release, the launcher switches current.json to it and starts it
// on trial: it must report a first successful heartbeat (an IPC message) within
// AEGIS_UPGRADE_HEALTH_SECONDS (60). If it does not, or exits first, the launcher stops it,
// switches back to the previous version, and leaves upgrade-report.json for it to tell the
// console. SIGTERM/SIGINT stop the child, then the launcher, with the child's exit code.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT_UPGRADE, layoutOf, readJson, removeFile, writeJsonAtomic } from "./release/layout.mjs";

const args = process.argv.slice(2);
const configIndex = args.indexOf("--config");
if (configIndex < 0 || !args[configIndex + 1]) {
  console.error("usage: node launcher.mjs agent|proxy --config FILE [daemon options]");
  process.exit(2);
}
const layout = layoutOf(path.dirname(path.resolve(args[configIndex + 1])));
const ownDir = path.dirname(fileURLToPath(import.meta.url));
/** The install script keeps its AEGIS_* settings in the config (systemd passes no environment on). */
const kept = () => readJson(path.join(layout.root, path.basename(args[configIndex + 1])))?.env ?? {};
const healthMs = () => Number(process.env.AEGIS_UPGRADE_HEALTH_SECONDS || kept().AEGIS_UPGRADE_HEALTH_SECONDS || 60) * 1000;
const log = (level, msg, fields = {}) =>
  console.log(JSON.stringify({ at: new Date().toISOString(), level, msg, role: "launcher", ...fields }));

let child = null;
let stopping = false;

function currentRelease() {
  const cur = readJson(layout.current);
  if (cur?.dir && existsSync(path.join(cur.dir, "pac-agent.mjs"))) return cur;
  if (cur?.dir) log("error", "the current release's folder is gone: starting the installed version", { dir: cur.dir });
  return { version: null, dir: ownDir, previous: null };
}

function rollBack(failed, reason) {
  const previous = failed.previous ?? { version: null, dir: ownDir };
  log("error", "upgrade failed: rolling back", { version: failed.version, to: previous.version, reason });
  writeJsonAtomic(layout.report, { version: failed.version, outcome: "rolled_back", reason, at: new Date().toISOString() });
  writeJsonAtomic(layout.current, { version: previous.version, dir: previous.dir, previous: null });
}

/** Keeps the running release and the one before it; older ones only take disk space. */
function pruneReleases(release) {
  const keep = new Set([release.dir, release.previous?.dir].filter(Boolean).map((d) => path.resolve(d)));
  let entries = [];
  try {
    entries = readdirSync(layout.releases);
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(layout.releases, name);
    if (!keep.has(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

function switchToStaged(running) {
  const staged = readJson(layout.staged);
  removeFile(layout.staged);
  if (!staged?.dir) return log("warn", "the daemon asked for a switch but nothing is staged; restarting it");
  const previous = { version: running.version, dir: running.dir };
  writeJsonAtomic(layout.current, { version: staged.version, dir: staged.dir, previous, trial: true });
  log("info", "switching to the staged release", { from: running.version, to: staged.version });
}

function run() {
  const release = currentRelease();
  const trial = release.trial === true;
  const env = { ...process.env, AEGIS_LAUNCHER: "1", ...(trial ? { AEGIS_UPGRADE_TRIAL: "1" } : {}) };
  child = spawn(process.execPath, [path.join(release.dir, "pac-agent.mjs"), ...args], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env,
  });
  let healthy = !trial;
  let failure = null;
  const deadline = trial
    ? setTimeout(() => {
        failure = `no heartbeat within ${healthMs() / 1000} s of starting`;
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5000).unref();
      }, healthMs())
    : null;
  child.on("message", (message) => {
    if (message?.type !== "healthy" || healthy) return;
    healthy = true;
    clearTimeout(deadline);
    pruneReleases(release);
    writeJsonAtomic(layout.current, { ...release, trial: false });
    log("info", "new release is healthy", { version: release.version });
  });
  child.on("exit", (code, signal) => {
    clearTimeout(deadline);
    child = null;
    if (stopping) process.exit(code ?? 0);
    if (!healthy) {
      rollBack(release, failure ?? `exited (${signal ?? `code ${code}`}) before its first heartbeat`);
      return run();
    }
    if (code === EXIT_UPGRADE) {
      switchToStaged(release);
      return run();
    }
    // Anything else ends the launcher too, with the same code (systemd's Restart= decides).
    log("info", "daemon exited", { code, signal });
    process.exit(code ?? 1);
  });
}

for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => {
    stopping = true;
    if (child) child.kill(sig);
    else process.exit(0);
  });
}
run();
