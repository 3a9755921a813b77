// What the proxy panel says about each proxy's clients (issue 16, R13): fair share over the
// serving proxies' capacities, over capacity, and the reason, as a table.
import { describe, expect, it } from "vitest";
import { explainHoldings, type Holding, type HoldingInput } from "./holdings";
import { shareLimit } from "./shares";

const on = (capacity: number, held: number): HoldingInput => ({ serving: true, capacity, held });
const off = (capacity: number, held: number): HoldingInput => ({ serving: false, capacity, held });

describe("explainHoldings", () => {
  it.each<[string, HoldingInput[], Partial<Holding>[]]>([
    [
      "balanced: at their shares, nothing to say",
      [on(6000, 3000), on(6000, 3000)],
      [
        // shareLimit is shares.ts's own (share plus 10 %, rounded up); asserted there.
        { fairShare: 3000, shareLimit: shareLimit(3000), overShare: false, overCapacity: false, note: null },
        { fairShare: 3000, note: null },
      ],
    ],
    [
      "by capacity: a 12,000 proxy's share is twice a 6,000 one's",
      [on(12_000, 6000), on(6000, 3000)],
      [
        { fairShare: 6000, note: null },
        { fairShare: 3000, note: null },
      ],
    ],
    [
      "a proxy just joined: the old one is above its share plus 10 %, paced",
      [on(6000, 4000), on(6000, 0)],
      [
        { fairShare: 2000, shareLimit: shareLimit(2000), overShare: true, overCapacity: false, note: "paced" },
        { fairShare: 2000, overShare: false, note: null },
      ],
    ],
    [
      "above the share but within the 10 % the rebalance tolerates",
      [on(6000, 2100), on(6000, 1900)],
      [{ fairShare: 2000, overShare: false, note: "within_tolerance" }, { note: null }],
    ],
    [
      "over capacity while others are offline: even a perfect split would not fit",
      [on(6000, 7000), off(6000, 2000)],
      [
        { fairShare: 9000, overCapacity: true, note: "others_offline" },
        { fairShare: null, shareLimit: null, overCapacity: false, note: "not_serving" },
      ],
    ],
    [
      "over capacity with every proxy serving: the cluster is full",
      [on(3000, 4000), on(3000, 3500)],
      [
        { fairShare: 3750, overCapacity: true, note: "cluster_full" },
        { fairShare: 3750, overCapacity: true, note: "cluster_full" },
      ],
    ],
    [
      "over capacity but its share fits: the rebalance will take it down",
      [on(6000, 6500), on(6000, 500)],
      [{ fairShare: 3500, overCapacity: true, overShare: true, note: "paced" }, { note: null }],
    ],
    [
      "an offline proxy that no client points at any more",
      [on(6000, 10), off(6000, 0)],
      [
        { fairShare: 10, note: null },
        { fairShare: null, note: null },
      ],
    ],
    [
      "unknown size: never over capacity; gets no share beside known sizes",
      [on(0, 100), on(6000, 100)],
      [
        { fairShare: 0, overCapacity: false, overShare: true, note: "paced" },
        { fairShare: 200, note: null },
      ],
    ],
    ["no proxy serves: no shares", [off(6000, 5), off(6000, 0)], [{ note: "not_serving" }, { note: null }]],
  ])("%s", (_name, proxies, expected) => {
    const { holdings } = explainHoldings(proxies);
    expect(holdings).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(holdings[i]).toMatchObject(e));
  });

  it("counts every proxy's clients as relayed, and the serving shares add up to them", () => {
    const { relayedClients, holdings } = explainHoldings([on(6000, 1000), off(6000, 200), on(3000, 301)]);
    expect(relayedClients).toBe(1501);
    expect(holdings.reduce((sum, h) => sum + (h.fairShare ?? 0), 0)).toBe(1501);
  });

  it("no proxies, no clients", () => {
    expect(explainHoldings([])).toEqual({ relayedClients: 0, holdings: [] });
  });
});
