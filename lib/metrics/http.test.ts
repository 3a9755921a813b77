// The route label of the HTTP metrics (issue 14): one value per route, never one per id.
import { describe, expect, it } from "vitest";
import { routeTemplate } from "./http";

describe("routeTemplate", () => {
  it.each([
    ["/api/v1/clusters", {}, "/api/v1/clusters"],
    ["/api/v1/clusters/3f1c", { id: "3f1c" }, "/api/v1/clusters/{id}"],
    ["/api/v1/clusters/3f1c/proxies/9a", { id: "3f1c", proxyId: "9a" }, "/api/v1/clusters/{id}/proxies/{proxyId}"],
    ["/api/v1/agent-dist/proxy/relay.mjs", { path: ["proxy", "relay.mjs"] }, "/api/v1/agent-dist/{...path}"],
    ["/api/v1/install/pin%20a/linux.sh", { pin: "pin a" }, "/api/v1/install/{pin}/linux.sh"],
  ])("%s → %s", (pathname, params, expected) => {
    expect(routeTemplate(pathname, params)).toBe(expected);
  });
});
