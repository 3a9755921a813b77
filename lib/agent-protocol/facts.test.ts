// Host facts read from the machine (agent/facts.mjs), with overrides for fake hosts.
import { describe, expect, it } from "vitest";
import { collectFacts, parseOsRelease, pickIps } from "@/agent/facts.mjs";

describe("facts", () => {
  it("reads PRETTY_NAME from os-release, else NAME and VERSION_ID", () => {
    expect(parseOsRelease('NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 24.04 LTS"\n')).toBe("Ubuntu 24.04 LTS");
    expect(parseOsRelease("NAME=Rocky\nVERSION_ID='9.4'\n")).toBe("Rocky 9.4");
    expect(parseOsRelease(null)).toBeNull();
  });

  it("prefers external addresses and drops link-local IPv6", () => {
    const ifaces = {
      lo: [{ address: "127.0.0.1", internal: true }],
      eth0: [
        { address: "10.1.2.3", internal: false },
        { address: "fe80::1", internal: false },
      ],
    };
    expect(pickIps(ifaces)).toEqual(["10.1.2.3"]);
    expect(pickIps({ lo: [{ address: "127.0.0.1", internal: true }] })).toEqual(["127.0.0.1"]);
  });

  it("lets overrides fake a distinct host without this machine's id", () => {
    const facts = collectFacts({ hostname: "sim-cn-1", ips: ["10.9.0.1"], cpuCores: 8, memoryMb: 16384 });
    expect(facts).toMatchObject({ hostname: "sim-cn-1", ips: ["10.9.0.1"], cpuCores: 8, memoryMb: 16384, os: "linux" });
    expect(facts.machineId).toBeUndefined();
  });
});
