import { describe, expect, it } from "vitest";
import { buildWindowsInstallScript, psQuote } from "./windows-script";

describe("Windows install script", () => {
  it("quotes values so nothing in them is expanded", () => {
    expect(psQuote("it's $x")).toBe("'it''s $x'");
  });

  it("carries the console URL and token, checks Node 20 and Administrator, and starts a task", () => {
    const script = buildWindowsInstallScript({ consoleUrl: "https://console.example", token: "pin_abc" });
    expect(script).toContain("$ConsoleUrl = 'https://console.example'");
    expect(script).toContain("$Token = 'pin_abc'");
    expect(script).toContain("-lt 20");
    expect(script).toContain("Administrator");
    expect(script).toContain("Register-ScheduledTask");
    expect(script).toContain("/api/v1/agent-dist/$f");
  });
});
