// Which rebalance explains a proxy's clients (issue 16): the newest that moved clients to or from
// it, with what it took and gave; rebalances that did not touch it are passed over.
import { describe, expect, it } from "vitest";
import { lastRebalanceOf, type RebalanceEvent } from "./rebalance-events";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute));
const event = (id: string, minute: number, moves: RebalanceEvent["moves"], reason = "proxy_joined"): RebalanceEvent => ({
  eventId: id,
  at: at(minute),
  reason,
  moved: moves.reduce((sum, m) => sum + m.count, 0),
  moves,
});

// Newest first, as recentRebalances() returns them.
const events = [
  event("3", 6, [{ from: "b", to: "c", count: 500 }], "spread"),
  event("2", 5, [
    { from: "b", to: "a", count: 480 },
    { from: "c", to: "a", count: 20 },
  ]),
  event("1", 4, [{ from: "a", to: "b", count: 0 }]),
];

describe("lastRebalanceOf", () => {
  it("a proxy that took clients from two others", () => {
    expect(lastRebalanceOf("a", events)).toEqual({
      eventId: "2",
      at: at(5),
      reason: "proxy_joined",
      took: [
        { proxyId: "b", count: 480 },
        { proxyId: "c", count: 20 },
      ],
      gave: [],
    });
  });

  it("the newest one wins: b gave to c after it gave to a", () => {
    expect(lastRebalanceOf("b", events)).toMatchObject({
      eventId: "3",
      reason: "spread",
      took: [],
      gave: [{ proxyId: "c", count: 500 }],
    });
  });

  it("a move of 0 clients is no move; an untouched proxy has none", () => {
    expect(lastRebalanceOf("d", events)).toBeNull();
    expect(lastRebalanceOf("a", [events[2]!])).toBeNull();
  });
});
