// The rolling upgrade's step function (issue 17): k at a time, never below the minimum, R10
// skips per proxy, pause on the first failure, a proxy's own upgrade adopted, the ETA.
import { describe, expect, it } from "vitest";
import { advanceRollout, etaSeconds, initialSteps, type ProxyNow, type RolloutStep } from "./steps";

const NOW = new Date("2026-12-07T12:00:00Z");
const proxy = (id: string, over: Partial<ProxyNow> = {}): ProxyNow => ({
  id,
  name: `proxy-${id}`,
  status: "online",
  agent: "online",
  version: "1.5.0",
  targetVersion: null,
  upgradeFailedAt: null,
  upgradeFailedReason: null,
  ...over,
});
const fleet = (...proxies: ProxyNow[]) => new Map(proxies.map((p) => [p.id, p]));
const advance = (
  steps: RolloutStep[],
  proxies: Map<string, ProxyNow>,
  over: Partial<Parameters<typeof advanceRollout>[0]> = {},
) =>
  advanceRollout({
    status: "running",
    batchSize: 1,
    target: "1.6.0",
    steps,
    proxies,
    minOnline: 1,
    now: NOW,
    stepTimeoutMs: 60_000,
    ...over,
  });
const states = (steps: RolloutStep[]) => steps.map((s) => `${s.proxyId}:${s.state}${s.reason ? `(${s.reason})` : ""}`).join(" ");

describe("initialSteps", () => {
  it("orders by name and marks R10's skips at once", () => {
    const steps = initialSteps(
      [
        proxy("c"),
        proxy("a", { version: "1.6.0" }),
        proxy("b", { agent: "offline" }),
        proxy("d", { status: "offline" }),
        proxy("e", { status: "deploying", version: null }),
        proxy("f", { agent: "not_installed" }),
      ],
      "1.6.0",
      NOW,
    );
    expect(states(steps)).toBe(
      "a:skipped(already_latest) b:skipped(agent_offline) c:pending d:skipped(proxy_offline) e:skipped(not_deployed) f:pending",
    );
  });
});

describe("advanceRollout", () => {
  const three = () => fleet(proxy("a"), proxy("b"), proxy("c"));

  it("starts one at a time and the next only when the first reports the new version", () => {
    let proxies = three();
    const first = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies);
    expect([first.start, states(first.steps)]).toEqual([["a"], "a:upgrading b:pending c:pending"]);
    // Still upgrading: nothing more starts.
    proxies = fleet(proxy("a", { status: "upgrading", targetVersion: "1.6.0" }), proxy("b"), proxy("c"));
    expect(advance(first.steps, proxies).start).toEqual([]);
    proxies = fleet(proxy("a", { version: "1.6.0" }), proxy("b"), proxy("c"));
    const second = advance(first.steps, proxies);
    expect([second.start, states(second.steps)]).toEqual([["b"], "a:done b:upgrading c:pending"]);
    expect(second.events.map((e) => `${e.kind}:${e.proxyId}`)).toEqual(["upgraded:a", "started:b"]);
  });

  it("k at a time", () => {
    const proxies = three();
    const result = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies, { batchSize: 2 });
    expect(result.start).toEqual(["a", "b"]);
  });

  it("never leaves fewer serving proxies than the minimum", () => {
    const proxies = three();
    const steps = initialSteps([...proxies.values()], "1.6.0", NOW);
    // Minimum 2 of 3: one may restart at a time, whatever k is.
    expect(advance(steps, proxies, { batchSize: 3, minOnline: 2 }).start).toEqual(["a"]);
    // Minimum 3 of 3: none may; the rollout says why.
    const held = advance(steps, proxies, { minOnline: 3 });
    expect([held.start, held.status, held.hold?.code]).toEqual([[], "running", "min_online"]);
    // A proxy offline for another reason counts against the minimum too.
    const oneDown = fleet(proxy("a"), proxy("b"), proxy("c", { status: "offline" }));
    const stepsDown = initialSteps([...oneDown.values()], "1.6.0", NOW);
    expect(advance(stepsDown, oneDown, { minOnline: 2 }).hold?.code).toBe("min_online");
  });

  it("skips a proxy whose agent went offline before its turn (R10) and goes on", () => {
    const proxies = three();
    const steps = initialSteps([...proxies.values()], "1.6.0", NOW);
    const result = advance(steps, fleet(proxy("a", { agent: "offline" }), proxy("b"), proxy("c")));
    expect([result.start, states(result.steps)]).toEqual([["b"], "a:skipped(agent_offline) b:upgrading c:pending"]);
  });

  it("pauses on the first failure with the proxy's reason; a paused rollout starts nothing but still follows", () => {
    const proxies = three();
    const started = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies, { batchSize: 2 });
    const failedAt = new Date(NOW.getTime() + 5000);
    const later = new Date(NOW.getTime() + 10_000);
    const failed = advance(
      started.steps,
      fleet(
        proxy("a", { upgradeFailedAt: failedAt, upgradeFailedReason: "no heartbeat from 1.6.0 within 60 s" }),
        proxy("b", { status: "upgrading", targetVersion: "1.6.0" }),
        proxy("c"),
      ),
      { batchSize: 2, now: later },
    );
    expect([failed.status, failed.hold, states(failed.steps)]).toEqual([
      "paused",
      { code: "step_failed", proxyId: "a", message: "no heartbeat from 1.6.0 within 60 s" },
      "a:failed(upgrade_failed) b:upgrading c:pending",
    ]);
    const followed = advance(failed.steps, fleet(proxy("a"), proxy("b", { version: "1.6.0" }), proxy("c")), {
      status: "paused",
      batchSize: 2,
    });
    expect([followed.start, followed.status, states(followed.steps)]).toEqual([
      [],
      "paused",
      "a:failed(upgrade_failed) b:done c:pending",
    ]);
    // Resumed: the rest goes on; the failed one stays failed.
    const resumed = advance(followed.steps, fleet(proxy("a"), proxy("b", { version: "1.6.0" }), proxy("c")));
    expect(resumed.start).toEqual(["c"]);
  });

  it("a release the proxy refused (it did not verify) fails the step as refused", () => {
    const proxies = three();
    const started = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies);
    const refused = advance(
      started.steps,
      fleet(
        proxy("a", {
          upgradeFailedAt: new Date(NOW.getTime() + 1000),
          upgradeFailedOutcome: "refused",
          upgradeFailedReason: "signature does not verify",
        }),
        proxy("b"),
        proxy("c"),
      ),
      { now: new Date(NOW.getTime() + 2000) },
    );
    expect([refused.status, refused.steps[0]!.reason, refused.steps[0]!.message]).toEqual([
      "paused",
      "release_refused",
      "signature does not verify",
    ]);
  });

  it("an older failure of the proxy does not fail a new step", () => {
    const proxies = fleet(
      proxy("a", { upgradeFailedAt: new Date(NOW.getTime() - 60_000), upgradeFailedReason: "old" }),
      proxy("b"),
    );
    const started = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies);
    const next = advance(started.steps, proxies, { now: new Date(NOW.getTime() + 1000) });
    expect(states(next.steps)).toBe("a:upgrading b:pending");
  });

  it("fails a step that takes longer than the timeout", () => {
    const proxies = three();
    const started = advance(initialSteps([...proxies.values()], "1.6.0", NOW), proxies);
    const late = advance(started.steps, proxies, { now: new Date(NOW.getTime() + 61_000) });
    expect([late.status, late.hold?.code, late.steps[0]!.reason]).toEqual(["paused", "step_failed", "timeout"]);
  });

  it("adopts a proxy already upgrading to the target; one upgrading to another version is skipped as busy", () => {
    const proxies = fleet(
      proxy("a", { status: "upgrading", targetVersion: "1.6.0" }),
      proxy("b", { status: "upgrading", targetVersion: "1.5.5" }),
      proxy("c"),
      proxy("d"),
    );
    const steps: RolloutStep[] = ["a", "b", "c", "d"].map((id) => ({ proxyId: id, name: id, state: "pending", from: "1.5.0" }));
    const result = advance(steps, proxies, { batchSize: 2 });
    expect([result.start, states(result.steps)]).toEqual([["c"], "a:upgrading b:skipped(busy) c:upgrading d:pending"]);
  });

  it("is done when nothing is pending or under way; a deleted proxy is skipped", () => {
    const steps: RolloutStep[] = [
      { proxyId: "a", name: "a", state: "upgrading", from: "1.5.0", startedAt: NOW.toISOString() },
      { proxyId: "b", name: "b", state: "done", from: "1.5.0" },
    ];
    const result = advance(steps, fleet(proxy("b", { version: "1.6.0" })));
    expect([result.status, result.hold, states(result.steps)]).toEqual(["done", null, "a:skipped(deleted) b:done"]);
  });
});

describe("etaSeconds", () => {
  it("the mean upgrade time per remaining wave", () => {
    const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();
    const steps: RolloutStep[] = [
      { proxyId: "a", name: "a", state: "done", from: null, startedAt: at(0), finishedAt: at(40) },
      { proxyId: "b", name: "b", state: "done", from: null, startedAt: at(40), finishedAt: at(100) },
      { proxyId: "c", name: "c", state: "upgrading", from: null, startedAt: at(100) },
      { proxyId: "d", name: "d", state: "pending", from: null },
      { proxyId: "e", name: "e", state: "pending", from: null },
    ];
    expect(etaSeconds(steps, 1)).toBe(150);
    expect(etaSeconds(steps, 2)).toBe(100);
    expect(etaSeconds(steps.slice(2), 1)).toBe(270);
  });
});
