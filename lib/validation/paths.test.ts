// The cache directory (issue 13 point 14): what the proxy can write, refused with the reason.
import { describe, expect, it } from "vitest";
import { policySchema } from "@/lib/policy/schemas";
import { apiErrorMap, REASON_TEXT_EN } from "./issues";
import { directoryPathSchema } from "./paths";

const dir = directoryPathSchema();
const reasonOf = (value: string) => {
  const result = dir.safeParse(value, { error: apiErrorMap });
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false);
  return result.error!.issues.map((i) => i.message);
};

describe("directoryPathSchema", () => {
  it.each(["/usr/local/aegis/proxy/log", "/data/aegis/", "/var/cache/pac-1.2_x", `/${"a".repeat(255)}/b`, "/"])(
    "accepts %s",
    (value) => {
      expect(dir.parse(value)).toBe(value);
    },
  );

  it.each([
    ["a 256-byte segment", `/data/${"a".repeat(256)}`, "pathSegmentTooLong"],
    ["a 600-character segment", `/data/${"x".repeat(600)}`, "pathSegmentTooLong"],
    ["a space", "/ok dir/x", "pathChars"],
    ["an emoji", "/ok/😀", "pathChars"],
    ["Japanese", "/データ/log", "pathChars"],
    ["a shell character", "/data/$(reboot)", "pathChars"],
    ["a backslash", "/data\\log", "pathChars"],
    ["a relative path", "var/log", "pathNotAbsolute"],
    ["a ..", "/var/../etc", "pathDotDot"],
  ])("refuses %s and says why", (_what, value, reason) => {
    expect(reasonOf(value)).toContain(REASON_TEXT_EN[reason]);
  });

  it("refuses an empty directory rather than writing /export.log", () => {
    expect(dir.safeParse("").success).toBe(false);
    expect(dir.safeParse("   ").success).toBe(false);
  });

  it("is the rule of the cache directory in the policy", () => {
    const cache = { mode: "cache", dataTypes: ["login_logs"] };
    expect(policySchema.safeParse({ ...cache, cacheDir: "/ok dir/😀" }).success).toBe(false);
    expect(policySchema.safeParse({ ...cache, cacheDir: `/${"x".repeat(600)}` }).success).toBe(false);
    expect(policySchema.safeParse({ ...cache, cacheDir: "/data/aegis" }).success).toBe(true);
  });
});

describe("policySchema defaults (issue 13 point 22)", () => {
  it("cache mode without dataTypes keeps every supported type, as the dialog starts", () => {
    const parsed = policySchema.parse({ mode: "cache" });
    expect(parsed).toMatchObject({ mode: "cache", cacheDir: "/usr/local/aegis/proxy/log" });
    expect(parsed.mode === "cache" && parsed.dataTypes).toEqual([
      "security_alerts",
      "vulnerability_results",
      "baseline_results",
      "login_logs",
      "process_logs",
      "network_logs",
    ]);
  });

  it("backflow without limits is unlimited", () => {
    expect(policySchema.parse({ mode: "backflow" })).toEqual({ mode: "backflow", bandwidthKbps: null, frequencyPerMin: null });
  });
});
