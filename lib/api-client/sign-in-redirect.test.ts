import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./sign-in-redirect";

describe("safeNextPath", () => {
  it.each([
    ["/cn/clusters", "/cn/clusters"],
    ["/intl/audit?actor=a%40b&outcome=failure", "/intl/audit?actor=a%40b&outcome=failure"],
    ["/cn/clusters/../settings", "/cn/settings"],
    // Percent-encoded line breaks stay encoded: a harmless path, not a header.
    ["/%0d%0aLocation:x", "/%0d%0aLocation:x"],
  ])("keeps the console path %s", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "cn/clusters",
    "https://evil.example.com/",
    "//evil.example.com/x",
    "/\\evil.example.com",
    "javascript:alert(1)",
    "/sign-in?next=/cn",
    "/\tevil",
  ])("refuses %s and falls back to /", (raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the path to return to", () => {
    expect(signInPath("/cn/audit?outcome=failure")).toBe("/sign-in?next=%2Fcn%2Faudit%3Foutcome%3Dfailure");
  });
  it("omits next for the home page and unsafe paths", () => {
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example.com")).toBe("/sign-in");
  });
});
