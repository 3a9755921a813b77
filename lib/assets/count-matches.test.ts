import { describe, expect, it } from "vitest";
import { roundEstimate } from "./count-matches";

describe("roundEstimate", () => {
  it.each([
    [999, 999],
    [10_001, 10_000],
    [123_456, 123_000],
    [998_765, 999_000],
    [1_004_321, 1_000_000],
  ])("%d → %d", (n, rounded) => {
    expect(roundEstimate(n)).toBe(rounded);
  });
});
