import { describe, expect, it } from "vitest";
import { policySync } from "./policy-sync";

describe("policySync (issue 13 point 16)", () => {
  it.each<[number | null, number | null, string]>([
    [null, 1, "pending"],
    [null, null, "pending"],
    [3, 3, "current"],
    [2, 3, "outdated"],
    [4, 3, "outdated"],
  ])("reported %s, cluster at %s → %s", (reported, cluster, expected) => {
    expect(policySync(reported, cluster)).toBe(expected);
  });
});
