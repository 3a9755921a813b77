// The fair split of a proxy group (issue 16, R13).
import { describe, expect, it } from "vitest";
import { fairShares, shareLimit } from "./shares";

describe("fairShares", () => {
  it.each<[string, number, number[], number[]]>([
    ["equal sizes", 9, [6000, 6000, 6000], [3, 3, 3]],
    ["remainder to the earlier proxy", 10, [6000, 6000, 6000], [4, 3, 3]],
    ["by capacity", 9000, [12000, 3000, 3000], [6000, 1500, 1500]],
    ["unknown size gets nothing", 10, [6000, 0], [10, 0]],
    ["all unknown: even", 4, [0, 0], [2, 2]],
    ["no clients", 0, [6000, 6000], [0, 0]],
    ["no proxies", 5, [], []],
  ])("%s", (_name, total, capacities, expected) => {
    const shares = fairShares(total, capacities);
    expect(shares).toEqual(expected);
    if (capacities.length) expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("shareLimit is the share plus 10 %, rounded up", () => {
    expect(shareLimit(1000)).toBe(1100);
    expect(shareLimit(3)).toBe(4);
    expect(shareLimit(0)).toBe(0);
  });
});
