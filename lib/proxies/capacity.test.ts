// R13 capacity per proxy and per cluster (only serving proxies count), R14 bandwidth per client.
import { describe, expect, it } from "vitest";
import { capacityUse, proxyCapacity, requiredBandwidthKbps, servingCapacity, type SizedProxy } from "./capacity";

const NOW = new Date("2026-01-01T12:00:00.000Z");
const THRESHOLD = 90;
const GB = 1024;

describe("proxyCapacity (R13: 6,000 per 8-core/16 GB, scaled by the smaller of the two)", () => {
  it.each<[string, number | null, number | null, number]>([
    ["the reference size", 8, 16 * GB, 6000],
    ["twice the reference", 16, 32 * GB, 12000],
    ["more cores, reference memory: memory bounds it", 32, 16 * GB, 6000],
    ["half the memory", 8, 8 * GB, 3000],
    ["2 cores / 4 GB", 2, 4 * GB, 1500],
    ["3 cores / 16 GB: cores bound it", 3, 16 * GB, 2250],
    ["odd memory rounds down", 8, 10000, 3662],
    ["size unknown (no cores)", null, 16 * GB, 0],
    ["size unknown (no memory)", 8, null, 0],
  ])("%s → %i", (_name, cores, memory, expected) => {
    expect(proxyCapacity(cores, memory)).toBe(expected);
  });
});

describe("servingCapacity: the cluster's online capacity", () => {
  const proxy = (lastHeartbeatAt: Date | null, targetVersion: string | null = null): SizedProxy => ({
    lastHeartbeatAt,
    version: "1.0.0",
    targetVersion,
    asset: { cpuCores: 8, memoryMb: 16 * GB },
  });
  const silent = new Date(NOW.getTime() - (THRESHOLD + 1) * 1000);

  it("counts online and upgrading proxies, not offline or deploying ones", () => {
    const result = servingCapacity([proxy(NOW), proxy(NOW, "2.0.0"), proxy(silent), proxy(null)], NOW, THRESHOLD);
    expect(result).toEqual({
      statuses: ["online", "upgrading", "offline", "deploying"],
      onlineProxies: 2,
      capacity: 12000,
      unknownSizeProxies: 0,
      largestCapacity: 6000,
      capacities: [6000, 6000],
    });
  });

  it("takes each proxy's real size; one of unknown size counts 0 and is counted as such; offline ones add nothing", () => {
    const sized = (cpuCores: number | null, memoryMb: number | null, at: Date = NOW): SizedProxy => ({
      ...proxy(at),
      asset: { cpuCores, memoryMb },
    });
    const result = servingCapacity(
      [sized(16, 32 * GB), sized(4, 8 * GB), sized(null, null), sized(32, 64 * GB, silent)],
      NOW,
      THRESHOLD,
    );
    expect(result).toMatchObject({
      onlineProxies: 3,
      capacity: 15000,
      unknownSizeProxies: 1,
      largestCapacity: 12000,
      capacities: [12000, 3000, 0],
    });
  });

  it("is zero with no proxies", () => {
    expect(servingCapacity([], NOW, THRESHOLD)).toEqual({
      statuses: [],
      onlineProxies: 0,
      capacity: 0,
      unknownSizeProxies: 0,
      largestCapacity: 0,
      capacities: [],
    });
  });
});

describe("capacityUse", () => {
  it.each([
    [0, 0, 0],
    [5, 0, 1],
    [3000, 6000, 0.5],
    [6000, 6000, 1],
  ])("%i clients on %i capacity → %d", (clients, capacity, use) => {
    expect(capacityUse(clients, capacity)).toBe(use);
  });
});

it("R14: 10 Kbit/s per connected client", () => {
  expect(requiredBandwidthKbps(0)).toBe(0);
  expect(requiredBandwidthKbps(6000)).toBe(60000);
});
