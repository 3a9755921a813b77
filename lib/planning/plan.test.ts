// The planner arithmetic (issue #7) as a table: R13 (6,000 per 8-core/16 GB proxy, scaling with
// min(cores/8, memory/16 GB)), R14 (10 Kbit/s per server), R17 (≤ 60% of the uplink), R4 (more
// than one proxy needs a domain address) — with the boundaries.
import { describe, expect, it } from "vitest";
import { plan, type Plan, type PlanInput } from "./plan";

const ref = { proxyCores: 8, proxyMemoryGb: 16 };

describe("proxies needed and the address kind (R13, R4)", () => {
  it.each<[string, PlanInput, Partial<Plan>]>([
    ["no servers", { servers: 0, ...ref }, { proxiesNeeded: 0, domainRequired: false, bandwidthKbps: 0 }],
    ["one server", { servers: 1, ...ref }, { proxiesNeeded: 1, domainRequired: false, bandwidthKbps: 10 }],
    ["6,000 servers: one proxy", { servers: 6000, ...ref }, { proxiesNeeded: 1, domainRequired: false }],
    ["6,001 servers: two proxies, domain", { servers: 6001, ...ref }, { proxiesNeeded: 2, domainRequired: true }],
    ["12,000 servers: two proxies", { servers: 12_000, ...ref }, { proxiesNeeded: 2 }],
    [
      "15,000 servers: three proxies, domain, 150,000 Kbit/s",
      { servers: 15_000, ...ref },
      { proxiesNeeded: 3, domainRequired: true, bandwidthKbps: 150_000 },
    ],
    ["6,000 servers on 4c8g: two proxies", { servers: 6000, proxyCores: 4, proxyMemoryGb: 8 }, { proxiesNeeded: 2 }],
    ["3,000 servers on 4c8g: one proxy", { servers: 3000, proxyCores: 4, proxyMemoryGb: 8 }, { proxiesNeeded: 1 }],
  ])("%s", (_name, input, expected) => {
    expect(plan(input)).toMatchObject({ perProxyCapacity: expect.any(Number), ...expected });
  });
});

describe("capacity of a proxy size: min(cores/8, memory/16 GB) × 6,000 (R13)", () => {
  it.each<[number, number, number]>([
    [8, 16, 6000],
    [4, 8, 3000],
    [12, 16, 6000], // memory-bound
    [8, 12, 4500], // memory-bound, fractional
    [16, 32, 12_000],
    [2, 4, 1500],
    [6, 64, 4500], // core-bound
    [8, 15.5, 5812], // fractional memory, rounded down
    [1, 0.5, 187],
  ])("%i cores / %d GB → %i", (proxyCores, proxyMemoryGb, capacity) => {
    expect(plan({ servers: 1, proxyCores, proxyMemoryGb }).perProxyCapacity).toBe(capacity);
  });
});

describe("bandwidth against the uplink (R14, R17)", () => {
  it.each<[string, number, number, { uplinkShare: number; withinBandwidthGuidance: boolean }]>([
    ["exactly 60% is within the guidance", 6000, 100_000, { uplinkShare: 0.6, withinBandwidthGuidance: true }],
    ["1 Kbit/s less is not", 6000, 99_999, { uplinkShare: 60_000 / 99_999, withinBandwidthGuidance: false }],
    ["well under", 50, 10_000, { uplinkShare: 0.05, withinBandwidthGuidance: true }],
    ["15,000 servers on a 250 Mbit/s uplink", 15_000, 250_000, { uplinkShare: 0.6, withinBandwidthGuidance: true }],
  ])("%s", (_name, servers, uplinkKbps, expected) => {
    expect(plan({ servers, ...ref, uplinkKbps })).toMatchObject(expected);
  });

  it("without an uplink there is no share to judge, but the minimum uplink is given", () => {
    expect(plan({ servers: 6000, ...ref })).toMatchObject({
      uplinkShare: null,
      withinBandwidthGuidance: null,
      minimumUplinkKbps: 100_000,
    });
  });

  it.each([1, 3, 7, 6000, 6001, 15_000, 123_457])(
    "the minimum uplink for %i servers is the least that keeps ≤ 60%%",
    (servers) => {
      const { minimumUplinkKbps, bandwidthKbps } = plan({ servers, ...ref });
      expect(plan({ servers, ...ref, uplinkKbps: minimumUplinkKbps }).withinBandwidthGuidance).toBe(true);
      expect(plan({ servers, ...ref, uplinkKbps: minimumUplinkKbps - 1 }).withinBandwidthGuidance).toBe(false);
      expect(bandwidthKbps).toBe(servers * 10);
    },
  );
});
