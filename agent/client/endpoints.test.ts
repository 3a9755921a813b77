// Proxy endpoint resolution and failover of the client agent (SPEC §7).
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { EndpointPool, resolveEndpoints } from "@/agent/client/endpoints.mjs";

function fakeLookup(answers: Record<string, LookupAddress[]>) {
  const calls: string[] = [];
  const lookup = async (host: string) => {
    calls.push(host);
    return answers[host] ?? [];
  };
  return { lookup, calls };
}

describe("resolveEndpoints", () => {
  it("uses the override as given, IPv6 in brackets, deduplicated, without a lookup", async () => {
    const { lookup, calls } = fakeLookup({});
    const urls = await resolveEndpoints({
      address: "proxy.example",
      port: 8080,
      override: " 10.0.0.7:9000, [fd00::5]:8080,proxy-b.example, 10.0.0.7:9000,,[::1]:81 ",
      lookup,
    });
    expect(urls).toEqual(["http://10.0.0.7:9000", "http://[fd00::5]:8080", "http://proxy-b.example:8080", "http://[::1]:81"]);
    expect(calls).toEqual([]);
  });

  it("refuses a malformed override entry", async () => {
    for (const override of ["::1:8080", "host:0", "host:99999", "[nothex]:80", "a:b:c"]) {
      await expect(resolveEndpoints({ address: "x", port: 1, override })).rejects.toThrow(TypeError);
    }
  });

  it("maps every looked-up address to a URL, deduplicated, in order", async () => {
    const { lookup, calls } = fakeLookup({
      "proxy.example": [
        { address: "10.0.0.5", family: 4 },
        { address: "fd00::5", family: 6 },
        { address: "10.0.0.6", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
    });
    const urls = await resolveEndpoints({ address: "proxy.example", port: 8080, override: "", lookup });
    expect(urls).toEqual(["http://10.0.0.5:8080", "http://[fd00::5]:8080", "http://10.0.0.6:8080"]);
    expect(calls).toEqual(["proxy.example"]);
  });

  it("needs no lookup for an IP literal, and rejects a name with no address", async () => {
    const { lookup, calls } = fakeLookup({});
    expect(await resolveEndpoints({ address: "10.1.2.3", port: 80, lookup })).toEqual(["http://10.1.2.3:80"]);
    expect(await resolveEndpoints({ address: "[fd00::1]", port: 80, lookup })).toEqual(["http://[fd00::1]:80"]);
    expect(calls).toEqual([]);
    await expect(resolveEndpoints({ address: "nowhere.example", port: 80, lookup })).rejects.toThrow(/no address/);
  });
});

describe("EndpointPool", () => {
  const urls = ["http://a", "http://b", "http://c", "http://d"];

  it("starts at a random endpoint and fails over round-robin from there", () => {
    const pool = new EndpointPool(urls, { random: () => 0.6 });
    expect(pool.current()).toBe("http://c");
    expect(pool.failed("http://c")).toBe("http://d");
    expect(pool.failed("http://d")).toBe("http://a");
    expect(pool.failed("http://a")).toBe("http://b");
    expect(new EndpointPool(urls, { random: () => 0 }).current()).toBe("http://a");
    expect(new EndpointPool(urls, { random: () => 0.999 }).current()).toBe("http://d");
  });

  it("skips endpoints marked failed, and a success clears the mark", () => {
    const pool = new EndpointPool(urls, { random: () => 0 });
    expect(pool.failed("http://b")).toBe("http://a"); // not the current one: only marked
    expect(pool.failed("http://a")).toBe("http://c");
    pool.succeeded("http://b");
    expect(pool.failed("http://c")).toBe("http://d");
    expect(pool.failed("http://d")).toBe("http://b");
  });

  it("clears the marks once every endpoint has failed and keeps cycling", () => {
    const pool = new EndpointPool(urls, { random: () => 0 });
    const seen = [pool.current()];
    for (let i = 0; i < 9; i++) seen.push(pool.failed(pool.current()));
    expect(seen).toEqual(["a", "b", "c", "d", "a", "b", "c", "d", "a", "b"].map((x) => `http://${x}`));
    expect(new EndpointPool(["http://only"]).failed("http://only")).toBe("http://only");
  });

  it("keeps the current endpoint and its marks across replace, where still listed", () => {
    const pool = new EndpointPool(urls, { random: () => 0 });
    pool.failed("http://a");
    expect(pool.current()).toBe("http://b");
    pool.failed("http://d");
    pool.replace(["http://d", "http://e", "http://b", "http://b"]);
    expect(pool.urls).toEqual(["http://d", "http://e", "http://b"]);
    expect(pool.current()).toBe("http://b");
    expect(pool.failed("http://b")).toBe("http://e");
    pool.replace(["http://x", "http://y"]);
    expect(pool.urls).toContain(pool.current());
    expect(() => pool.replace([])).toThrow(RangeError);
  });

  it("stays on the same proxy host when only the scheme and port change (the move to TLS)", () => {
    const plain = ["http://127.0.0.2:8080", "http://127.0.0.3:8080", "http://127.0.0.4:8080"];
    const pool = new EndpointPool(plain, { random: () => 0 });
    pool.failed("http://127.0.0.2:8080");
    expect(pool.current()).toBe("http://127.0.0.3:8080");
    // A random pick would say 127.0.0.2 (random() = 0); the agent stays where it is.
    pool.replace(plain.map((u) => u.replace("http://", "https://").replace(":8080", ":443")));
    expect(pool.current()).toBe("https://127.0.0.3:443");
  });

  it("moves to a preferred endpoint by host:port (a rebalance) and clears its mark; ignores unknown ones", () => {
    const pool = new EndpointPool(["http://127.0.0.2:8080", "http://127.0.0.3:8080", "http://[fd00::4]:8080"], {
      random: () => 0,
    });
    pool.failed("http://127.0.0.3:8080");
    expect(pool.prefer(["10.0.0.9:8080", "127.0.0.3:8080"])).toBe("http://127.0.0.3:8080");
    expect(pool.current()).toBe("http://127.0.0.3:8080");
    expect(pool.prefer(["[FD00::4]:8080"])).toBe("http://[fd00::4]:8080");
    expect(pool.prefer(["127.0.0.9:8080", "127.0.0.2:9999"])).toBeNull();
    expect(pool.current()).toBe("http://[fd00::4]:8080");
    // Failover goes on from the preferred endpoint.
    expect(pool.failed("http://[fd00::4]:8080")).toBe("http://127.0.0.2:8080");
  });
});
