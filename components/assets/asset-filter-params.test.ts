import { describe, expect, it } from "vitest";
import { mergeAssetQuery } from "./asset-filter-params";

describe("mergeAssetQuery", () => {
  it("keeps every earlier change when updates follow each other before a re-render (issue 13 item 8)", () => {
    let url = "q=web&sort=connectedAt";
    // The debounced search clears q; OS and agent status are picked in between, in any order.
    for (const patch of [{ os: "windows" as const }, { q: "" }, { agentStatus: "offline" as const }]) {
      url = mergeAssetQuery(url, patch);
    }
    const params = new URLSearchParams(url);
    expect(Object.fromEntries(params)).toEqual({ os: "windows", agentStatus: "offline", sort: "connectedAt" });
  });

  it("removes a filter set back to all and keeps parameters the query does not own", () => {
    expect(mergeAssetQuery("mode=x&os=linux&tag=bad", { os: undefined })).toBe("mode=x");
  });

  it("drops defaults and invalid values instead of writing them", () => {
    expect(mergeAssetQuery("order=asc&agentStatus=maybe", { provider: "aws" })).toBe("provider=aws");
  });
});
