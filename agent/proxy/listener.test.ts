// The proxy's route allowlist (SPEC §8): only the agent routes exist; everything else is 404 from
// the proxy itself, so the operator API and the sign-in page can never be reached through it.
import { describe, expect, it } from "vitest";
import { parseListen, routeOf } from "./listener.mjs";

describe("routeOf", () => {
  it.each([
    ["POST", "/api/v1/agent/heartbeat", "heartbeat"],
    ["POST", "/api/v1/agent/data", "data"],
    ["POST", "/api/v1/agent/register", "relay"],
    ["GET", "/api/v1/install/pin_abc/linux.sh", "relay"],
    ["GET", "/api/v1/install/pin_abc/windows.ps1", "relay"],
    ["GET", "/api/v1/agent-dist/proxy/limiters.mjs", "relay"],
    ["GET", "/api/v1/agent/releases/1.6.0", "relay"],
    ["POST", "/api/v1/agent/releases/1.6.0", null],
    ["GET", "/api/v1/clusters", null],
    ["GET", "/sign-in", null],
    ["POST", "/api/v1/auth/sign-in", null],
    ["GET", "/api/v1/agent/heartbeat", null],
    ["POST", "/api/v1/agent/proxies/register", null],
    ["GET", "/api/v1/agent-dist/../../.env", null],
    ["GET", "/api/health", null],
  ])("%s %s → %s", (method, path, expected) => {
    expect(routeOf(method, path)).toBe(expected);
  });
});

describe("parseListen", () => {
  it("reads host:port lists, IPv6 in brackets", () => {
    expect(parseListen("0.0.0.0:8080, [::1]:8443")).toEqual([
      { host: "0.0.0.0", port: 8080 },
      { host: "::1", port: 8443 },
    ]);
  });
  it("refuses what is not host:port", () => {
    expect(() => parseListen("8080")).toThrow(/AEGIS_PROXY_LISTEN/);
    expect(() => parseListen("host:99999")).toThrow(/AEGIS_PROXY_LISTEN/);
  });
});
