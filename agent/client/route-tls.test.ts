// TLS to the proxies on the agent's side (issue 17 part 4): https endpoints at the cluster's TLS
// port, only for the cluster the TLS settings were learned for and only with the console CA; a
// rebalance still finds its proxy by host; a direct route drops the pinned fetch.
import { describe, expect, it } from "vitest";
import { EndpointPool, resolveEndpoints } from "@/agent/client/endpoints.mjs";
import { applyRoute, tlsFor } from "@/agent/client/route.mjs";

const route = { mode: "proxy", clusterId: "c1", address: "proxy.example", port: 8080 } as const;

describe("TLS endpoints", () => {
  it("lists https endpoints at the TLS port, the override's ports giving way to it", async () => {
    const lookup = async () => [
      { address: "10.0.0.1", family: 4 },
      { address: "fd00::1", family: 6 },
    ];
    expect(await resolveEndpoints({ address: "proxy.example", port: 443, scheme: "https", lookup })).toEqual([
      "https://10.0.0.1:443",
      "https://[fd00::1]:443",
    ]);
    expect(
      await resolveEndpoints({ address: "x", port: 8443, override: "10.0.0.7:8080,[fd00::5]:8080", scheme: "https" }),
    ).toEqual(["https://10.0.0.7:8443", "https://[fd00::5]:8443"]);
  });

  it("uses TLS only with the CA and only for the cluster it was learned for", () => {
    const tls = { clusterId: "c1", port: 443 };
    expect(tlsFor(route, tls, "CA")).toEqual({ port: 443, ca: "CA" });
    expect(tlsFor(route, tls, null)).toBeNull();
    expect(tlsFor({ ...route, clusterId: "c2" }, tls, "CA")).toBeNull();
    expect(tlsFor({ mode: "direct", consoleUrl: "https://console" }, tls, "CA")).toBeNull();
  });

  it("a rebalance finds its proxy by host among https endpoints", () => {
    const pool = new EndpointPool(["https://10.0.0.1:443", "https://10.0.0.2:443"], { random: () => 0 });
    expect(pool.prefer(["10.0.0.2:8080"])).toBe("https://10.0.0.2:443");
    const plain = new EndpointPool(["http://10.0.0.1:8080", "http://10.0.0.2:8080"], { random: () => 0 });
    expect(plain.prefer(["10.0.0.2:9999"])).toBeNull();
  });

  it("pins the CA for a proxy route over TLS and drops it for a direct route", async () => {
    const calls: (unknown | null)[] = [];
    const client = {
      setTlsFetch: (fn: unknown) => calls.push(fn),
      setEndpoints: () => undefined,
      setUrl: () => undefined,
    };
    const urls = await applyRoute(client, route, { override: "127.0.0.1:8080", tls: { port: 8443, ca: "CA" } });
    expect(urls).toEqual(["https://127.0.0.1:8443"]);
    expect(typeof calls[0]).toBe("function");
    await applyRoute(client, { mode: "direct", consoleUrl: "https://console.example" });
    expect(calls[1]).toBeNull();
  });

  it("moving to TLS keeps the agent on the proxy it uses (two proxies would report it otherwise)", async () => {
    let pool: EndpointPool | null = null;
    const client = {
      url: "http://127.0.0.3:8080",
      setTlsFetch: () => undefined,
      setEndpoints: (p: EndpointPool) => (pool = p),
      setUrl: () => undefined,
    };
    const override = "127.0.0.2:8080,127.0.0.3:8080,127.0.0.4:8080";
    for (let i = 0; i < 10; i++) {
      await applyRoute(client, route, { override, tls: { port: 443, ca: "CA" }, keepHost: true });
      expect(pool!.current()).toBe("https://127.0.0.3:443");
    }
  });
});
