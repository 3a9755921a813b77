// The rebalance plan (issue 16): a table of cases for the pure function.
import { describe, expect, it } from "vitest";
import { planRebalance, type Holding } from "./plan";

const p = (proxyId: string, held: number, capacity = 6000): Holding => ({ proxyId, held, capacity });
const after = (serving: Holding[], plan: ReturnType<typeof planRebalance>) =>
  serving.map((s) => s.held - sum(plan, (m) => m.from === s.proxyId) + sum(plan, (m) => m.to === s.proxyId));
const sum = (plan: ReturnType<typeof planRebalance>, keep: (m: { from: string; to: string }) => boolean) =>
  (plan?.moves ?? []).filter(keep).reduce((n, m) => n + m.count, 0);

describe("planRebalance", () => {
  it.each<[string, Holding[], number, number[] | null, string | null]>([
    // name, serving proxies, cap, holdings after (null: nothing to do), reason
    [
      "a new proxy takes from each down to share + 10 %",
      [p("a", 300), p("b", 300), p("c", 300), p("d", 0)],
      10_000,
      [248, 248, 248, 156],
      "proxy_joined",
    ],
    [
      "a returning proxy after failover: its agents piled on one",
      [p("a", 200), p("b", 100), p("c", 0)],
      10_000,
      [110, 100, 90],
      "proxy_joined",
    ],
    ["uneven sizes: shares follow capacity", [p("big", 100, 12000), p("small", 200, 3000)], 10_000, [234, 66], "spread"],
    ["nothing to do inside the tolerance", [p("a", 105), p("b", 95)], 10_000, null, null],
    ["nothing to do with one proxy", [p("a", 1000)], 10_000, null, null],
    ["an empty group", [p("a", 0), p("b", 0)], 10_000, null, null],
    ["the 500-a-minute cap", [p("a", 6000), p("b", 6000), p("c", 0)], 500, [5750, 5750, 500], "proxy_joined"],
  ])("%s", (_name, serving, cap, expected, reason) => {
    const plan = planRebalance(serving, cap);
    if (expected === null) return expect(plan).toBeNull();
    expect(plan).not.toBeNull();
    expect(after(serving, plan)).toEqual(expected);
    expect(plan!.reason).toBe(reason);
    expect(plan!.moved).toBe(serving.reduce((n, s, i) => n + Math.max(0, s.held - expected[i]!), 0));
    expect(plan!.moved).toBeLessThanOrEqual(cap);
    expect(plan!.moves.every((m) => m.count > 0 && m.from !== m.to)).toBe(true);
  });

  it("moves no more than needed: every giver ends exactly at its limit", () => {
    const serving = [p("a", 1000), p("b", 1000), p("c", 1000), p("d", 0)];
    const plan = planRebalance(serving, 10_000)!;
    // shares 750 each, limit 825: 175 from each of a, b, c.
    expect(plan.moves).toEqual([
      { from: "a", to: "d", count: 175 },
      { from: "b", to: "d", count: 175 },
      { from: "c", to: "d", count: 175 },
    ]);
    expect(plan.shares).toEqual([
      { proxyId: "a", held: 1000, share: 750 },
      { proxyId: "b", held: 1000, share: 750 },
      { proxyId: "c", held: 1000, share: 750 },
      { proxyId: "d", held: 0, share: 750 },
    ]);
  });

  it("after a capped pass the next pass goes on until no proxy is over its limit", () => {
    let serving = [p("a", 6000), p("b", 6000), p("c", 0)];
    let passes = 0;
    for (let plan = planRebalance(serving); plan; plan = planRebalance(serving)) {
      const next = after(serving, plan);
      serving = serving.map((s, i) => ({ ...s, held: next[i]! }));
      passes++;
    }
    expect(serving.map((s) => s.held)).toEqual([4400, 4400, 3200]);
    expect(passes).toBe(7); // 3,200 agents at 500 a pass
  });

  it("a capped pass takes from every giver in proportion to its excess", () => {
    const plan = planRebalance([p("a", 1000), p("b", 1000), p("c", 1000), p("d", 0)])!;
    expect(plan.moved).toBe(500);
    expect(plan.moves.map((m) => m.count)).toEqual([167, 167, 166]);
  });
});
