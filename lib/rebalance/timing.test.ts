// The rebalance's clock (issue 16) at the production settings and at the e2e ones.
import { describe, expect, it } from "vitest";
import { movesPerPass, moveStaleSeconds, recentlyHeardSeconds } from "./timing";

describe("rebalance timing", () => {
  it("takes agents only on proxies heard within about an interval, never past the offline threshold", () => {
    expect(recentlyHeardSeconds(30, 90)).toBe(46);
    expect(recentlyHeardSeconds(2, 5)).toBe(4);
    expect(recentlyHeardSeconds(30, 20)).toBe(20);
  });

  it("forgets a move after two heartbeat intervals and 15 s", () => {
    expect(moveStaleSeconds(30)).toBe(75);
    expect(moveStaleSeconds(2)).toBe(19);
  });

  it("paces moves at 500 a minute whatever the pass interval", () => {
    expect(movesPerPass(60)).toBe(500);
    expect(movesPerPass(3)).toBe(25);
    expect(movesPerPass(120)).toBe(500);
  });
});
