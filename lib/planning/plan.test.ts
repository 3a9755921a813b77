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

describe("redundancy (N+1): one more proxy than the load needs, so losing the largest still serves all (issue 16)", () => {
  it.each<[string, PlanInput, Partial<Plan>]>([
    ["no servers: nothing to make redundant", { servers: 0, ...ref, redundancy: true }, { loadProxies: 0, proxiesNeeded: 0 }],
    [
      "one server: two proxies, so a domain",
      { servers: 1, ...ref, redundancy: true },
      { loadProxies: 1, proxiesNeeded: 2, domainRequired: true },
    ],
    ["6,000 servers: 1 + 1", { servers: 6000, ...ref, redundancy: true }, { loadProxies: 1, proxiesNeeded: 2 }],
    ["15,000 servers: 3 + 1", { servers: 15_000, ...ref, redundancy: true }, { loadProxies: 3, proxiesNeeded: 4 }],
    [
      "without it, as before",
      { servers: 15_000, ...ref, redundancy: false },
      { loadProxies: 3, proxiesNeeded: 3, redundancy: false },
    ],
  ])("%s", (_name, input, expected) => {
    expect(plan(input)).toMatchObject(expected);
  });
});

describe("an existing cluster: its serving proxies' real capacities, and what to add (issue 16, R13)", () => {
  it.each<[string, PlanInput, Partial<Plan["existing"]>]>([
    [
      "enough already",
      { servers: 9000, ...ref, existingCapacities: [6000, 3000] },
      { proxies: 2, capacity: 9000, largestCapacity: 6000, additionalProxies: 0, totalProxies: 2, survivesLargestLoss: false },
    ],
    ["one short", { servers: 9001, ...ref, existingCapacities: [6000, 3000] }, { additionalProxies: 1, totalProxies: 3 }],
    [
      "N+1 on uneven sizes: losing the 12,000 one leaves 3,000; one more of 6,000 leaves 9,000",
      { servers: 9000, ...ref, redundancy: true, existingCapacities: [12_000, 3000] },
      { additionalProxies: 1, totalProxies: 3, survivesLargestLoss: false },
    ],
    [
      "N+1 already met: two equal proxies, one can carry everything",
      { servers: 6000, ...ref, redundancy: true, existingCapacities: [6000, 6000] },
      { additionalProxies: 0, survivesLargestLoss: true },
    ],
    [
      "N+1 with a single proxy: a second one",
      { servers: 5000, ...ref, redundancy: true, existingCapacities: [6000] },
      { additionalProxies: 1, totalProxies: 2, survivesLargestLoss: false },
    ],
    [
      "N+1 adding proxies larger than the existing ones: a new 12,000 one is the one to lose",
      { servers: 20_000, proxyCores: 16, proxyMemoryGb: 32, redundancy: true, existingCapacities: [6000] },
      { additionalProxies: 3, totalProxies: 4 },
    ],
    [
      "no serving proxy yet",
      { servers: 12_000, ...ref, existingCapacities: [] },
      { proxies: 0, capacity: 0, largestCapacity: 0, additionalProxies: 2, totalProxies: 2 },
    ],
    [
      "a size too small for any proxy",
      { servers: 10, proxyCores: 1, proxyMemoryGb: 0.001, existingCapacities: [] },
      { additionalProxies: Infinity },
    ],
  ])("%s", (_name, input, expected) => {
    expect(plan(input).existing).toMatchObject(expected!);
  });

  it("every answer holds: with the added proxies the servers fit, one fewer and they do not", () => {
    for (const redundancy of [false, true])
      for (const existing of [[], [6000], [12_000, 3000], [750, 750, 750]])
        for (const servers of [1, 750, 5999, 6000, 6001, 14_250, 40_000]) {
          const { additionalProxies } = plan({ servers, ...ref, redundancy, existingCapacities: existing }).existing!;
          const fits = (k: number) => {
            const all = [...existing, ...Array<number>(k).fill(6000)];
            const total = all.reduce((a, b) => a + b, 0);
            return total - (redundancy ? Math.max(0, ...all) : 0) >= servers;
          };
          expect(fits(additionalProxies), `${servers} on ${existing} (N+1 ${redundancy})`).toBe(true);
          if (additionalProxies > 0) expect(fits(additionalProxies - 1)).toBe(false);
        }
  });

  it("a domain is required once the cluster would have more than one proxy (R4)", () => {
    expect(plan({ servers: 100, ...ref, existingCapacities: [6000] }).domainRequired).toBe(false);
    expect(plan({ servers: 100, ...ref, redundancy: true, existingCapacities: [6000] }).domainRequired).toBe(true);
  });
});
