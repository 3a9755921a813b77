// The rolling upgrade of a cluster (issue 17), as a pure step function: given a rollout's steps
// and what its proxies report now, which upgrades finished or failed, which proxies are skipped
// (R10, per proxy), and which start next. The job (run-rollouts.ts) reads the proxies, applies
// the result and audits each step in one transaction.
//  - At most `batchSize` proxies upgrade at once.
//  - A proxy starts only while the cluster keeps at least `minOnline` other proxies serving
//    (online and not upgrading): an upgrade restarts the daemon, so its agents fail over.
//  - The first failure pauses the rollout; upgrades already under way are still watched.
import type { AgentStatus, ProxyStatus } from "@/lib/proxies/status";
import { upgradeBlock } from "@/lib/proxies/upgrade-rules";

export type StepState = "pending" | "upgrading" | "done" | "skipped" | "failed";
/** Why a proxy was skipped or failed. The UI words each code; `message` carries the proxy's own words. */
export type StepReason =
  | "already_latest"
  | "agent_offline"
  | "proxy_offline"
  | "not_deployed"
  | "busy"
  | "deleted"
  | "upgrade_failed"
  | "release_refused"
  | "timeout";

export type RolloutStep = {
  proxyId: string;
  name: string;
  state: StepState;
  from: string | null;
  reason?: StepReason;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
};

export type ProxyNow = {
  id: string;
  name: string;
  status: ProxyStatus;
  agent: AgentStatus;
  version: string | null;
  targetVersion: string | null;
  upgradeFailedAt: Date | null;
  upgradeFailedReason: string | null;
  /** "rolled_back" (the new version did not report in) or "refused" (the release did not verify). */
  upgradeFailedOutcome?: string | null;
};

export type Hold = { code: "step_failed" | "min_online" | "paused"; proxyId?: string; message: string };

export type StepEvent =
  | { kind: "started" | "upgraded"; proxyId: string; name: string; from: string | null }
  | { kind: "skipped" | "failed"; proxyId: string; name: string; reason: StepReason; message?: string };

export type Advance = {
  steps: RolloutStep[];
  /** Proxies whose upgrade is to be queued now. */
  start: string[];
  events: StepEvent[];
  status: "running" | "paused" | "done";
  hold: Hold | null;
};

const SKIPS = {
  already_latest: "already_latest",
  agent_offline: "agent_offline",
  proxy_offline: "proxy_offline",
  not_deployed: "not_deployed",
} as const;

/** Why `proxy` cannot be upgraded to `target` now (R10), or null. "upgrading" to the same target is not a reason. */
export function skipReason(proxy: ProxyNow | undefined, target: string): StepReason | null {
  if (!proxy) return "deleted";
  const block = upgradeBlock({ status: proxy.status, agent: proxy.agent, version: proxy.version, latest: target });
  if (block === "upgrading") return proxy.targetVersion === target ? null : "busy";
  return block ? SKIPS[block] : null;
}

/** The steps of a new rollout: every proxy, by name, with the skipped ones marked now. */
export function initialSteps(proxies: readonly ProxyNow[], target: string, now: Date): RolloutStep[] {
  return [...proxies]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const reason = skipReason(p, target);
      return reason
        ? { proxyId: p.id, name: p.name, state: "skipped", from: p.version, reason, finishedAt: now.toISOString() }
        : { proxyId: p.id, name: p.name, state: "pending", from: p.version };
    });
}

/** Proxies serving agents now and not being upgraded by this rollout. */
function servingOutside(proxies: ReadonlyMap<string, ProxyNow>, upgrading: ReadonlySet<string>): number {
  let n = 0;
  for (const p of proxies.values()) if (p.status === "online" && !upgrading.has(p.id)) n++;
  return n;
}

export function advanceRollout(input: {
  status: "running" | "paused";
  batchSize: number;
  target: string;
  steps: readonly RolloutStep[];
  proxies: ReadonlyMap<string, ProxyNow>;
  minOnline: number;
  now: Date;
  stepTimeoutMs: number;
}): Advance {
  const { target, proxies, now } = input;
  const at = now.toISOString();
  const steps = input.steps.map((s) => ({ ...s }));
  const events: StepEvent[] = [];
  let failure: RolloutStep | null = null;

  // 1. Upgrades under way: finished, failed (reported by the proxy, or too slow), or gone.
  for (const step of steps) {
    if (step.state !== "upgrading") continue;
    const proxy = proxies.get(step.proxyId);
    const started = new Date(step.startedAt ?? at);
    if (!proxy) {
      Object.assign(step, { state: "skipped", reason: "deleted", finishedAt: at });
      events.push({ kind: "skipped", proxyId: step.proxyId, name: step.name, reason: "deleted" });
    } else if (proxy.version === target) {
      Object.assign(step, { state: "done", finishedAt: at });
      events.push({ kind: "upgraded", proxyId: step.proxyId, name: step.name, from: step.from });
    } else if (proxy.upgradeFailedAt && proxy.upgradeFailedAt >= started) {
      const reason: StepReason = proxy.upgradeFailedOutcome === "refused" ? "release_refused" : "upgrade_failed";
      Object.assign(step, { state: "failed", reason, message: proxy.upgradeFailedReason ?? "", finishedAt: at });
      events.push({ kind: "failed", proxyId: step.proxyId, name: step.name, reason, message: step.message });
      failure ??= step;
    } else if (now.getTime() - started.getTime() > input.stepTimeoutMs) {
      const message = `did not report version ${target} within ${Math.round(input.stepTimeoutMs / 1000)} s`;
      Object.assign(step, { state: "failed", reason: "timeout", message, finishedAt: at });
      events.push({ kind: "failed", proxyId: step.proxyId, name: step.name, reason: "timeout", message });
      failure ??= step;
    }
  }
  if (failure)
    return {
      steps,
      start: [],
      events,
      status: "paused",
      hold: { code: "step_failed", proxyId: failure.proxyId, message: failure.message ?? "" },
    };

  // 2. Start the next ones, k at a time, never below the minimum.
  const start: string[] = [];
  let hold: Hold | null = input.status === "paused" ? { code: "paused", message: "" } : null;
  if (input.status === "running") {
    const upgrading = new Set(steps.filter((s) => s.state === "upgrading").map((s) => s.proxyId));
    for (const step of steps) {
      if (upgrading.size >= input.batchSize) break;
      if (step.state !== "pending") continue;
      const proxy = proxies.get(step.proxyId);
      const reason = skipReason(proxy, target);
      if (reason) {
        Object.assign(step, { state: "skipped", reason, finishedAt: at });
        events.push({ kind: "skipped", proxyId: step.proxyId, name: step.name, reason });
        continue;
      }
      const serving = servingOutside(proxies, upgrading) - (proxy!.status === "online" ? 1 : 0);
      if (serving < Math.max(1, input.minOnline)) {
        if (upgrading.size === 0)
          hold = {
            code: "min_online",
            proxyId: step.proxyId,
            message: `upgrading ${step.name} would leave ${serving} serving, below the minimum of ${Math.max(1, input.minOnline)}`,
          };
        break;
      }
      upgrading.add(step.proxyId);
      // A proxy already upgrading to this version (its own Upgrade) is adopted, not queued again.
      if (proxy!.targetVersion !== target) start.push(step.proxyId);
      Object.assign(step, { state: "upgrading", startedAt: at });
      events.push({ kind: "started", proxyId: step.proxyId, name: step.name, from: step.from });
    }
  }
  const open = steps.some((s) => s.state === "pending" || s.state === "upgrading");
  return { steps, start, events, status: open ? input.status : "done", hold: open ? hold : null };
}

/** Seconds until the rollout is likely done: the mean time of the finished upgrades (else 90 s) per remaining wave. */
export function etaSeconds(steps: readonly RolloutStep[], batchSize: number, fallbackSeconds = 90): number {
  const durations = steps
    .filter((s) => s.state === "done" && s.startedAt && s.finishedAt)
    .map((s) => (Date.parse(s.finishedAt!) - Date.parse(s.startedAt!)) / 1000);
  const mean = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : fallbackSeconds;
  const remaining = steps.filter((s) => s.state === "pending" || s.state === "upgrading").length;
  return Math.ceil(Math.ceil(remaining / Math.max(1, batchSize)) * mean);
}
