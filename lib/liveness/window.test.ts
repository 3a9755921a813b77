// Issue 15, point 2 (R7): a console or database outage is not counted against the fleet.
import { describe, expect, it } from "vitest";
import { proxyStatus } from "@/lib/proxies/status";
import { livenessWindowMs, type LivenessGap } from "./window";

const S = 1000;
const T = 90 * S;
const NOW = Date.parse("2026-01-01T12:00:00.000Z");
const ago = (ms: number) => NOW - ms;

/** The definition: silent for at most T of the time the console could hear. */
function freshByDefinition(at: number, now: number, base: number, gaps: LivenessGap[]): boolean {
  // Overlaps of disjoint gaps add up; for overlapping ones, count each instant once.
  let deaf = 0;
  for (let t = at; t < now; t += 100) if (gaps.some((g) => t >= g.startedAt && t < g.endedAt)) deaf += 100;
  return now - at - deaf <= base;
}

describe("livenessWindowMs", () => {
  const outage = { startedAt: ago(5 * 60 * S), endedAt: ago(10 * S) }; // 4 min 50 s, ended 10 s ago
  it.each([
    ["no gap: the plain threshold", [], T],
    ["a gap ended within T: T plus its length", [outage], T + 290 * S],
    [
      "a gap ended exactly T ago (now - T = its end): T plus its length",
      [{ startedAt: ago(200 * S), endedAt: ago(T) }],
      T + 110 * S,
    ],
    ["a gap ended long ago changes nothing", [{ startedAt: ago(3600 * S), endedAt: ago(1800 * S) }], T],
    [
      "two gaps within reach: both discounted",
      [outage, { startedAt: ago(330 * S), endedAt: ago(320 * S) }],
      // heard 10 s after the outage, 20 s between the gaps: T = 90 is used up 60 s before the older one.
      T + 290 * S + 10 * S,
    ],
    [
      "a gap still running (its end in the future) counts up to now",
      [{ startedAt: ago(60 * S), endedAt: NOW + 30 * S }],
      T + 60 * S,
    ],
  ])("%s", (_name, gaps, window) => {
    expect(livenessWindowMs(NOW, T, gaps)).toBe(window);
  });

  it("a proxy online when the console went deaf stays online through the outage, and goes offline T after it", () => {
    const heardAt = ago(5 * 60 * S + 30 * S); // 30 s before the outage began
    const state = { lastHeartbeatAt: new Date(heardAt), version: "1", targetVersion: null };
    const at = (now: number) => proxyStatus(state, new Date(now), livenessWindowMs(now, T, [outage]) / S);
    expect(at(NOW)).toBe("online");
    expect(at(NOW + 50 * S)).toBe("online"); // 30 s before + 60 s after = 90 s heard
    expect(at(NOW + 51 * S)).toBe("offline");
  });

  it("a proxy already offline before the outage stays offline", () => {
    const heardAt = ago(5 * 60 * S + T + 1 * S);
    const state = { lastHeartbeatAt: new Date(heardAt), version: "1", targetVersion: null };
    expect(proxyStatus(state, new Date(NOW), livenessWindowMs(NOW, T, [outage]) / S)).toBe("offline");
  });

  it("agrees with the definition (silence minus overlap) for any last-heard time", () => {
    const gaps = [outage, { startedAt: ago(400 * S), endedAt: ago(380 * S) }, { startedAt: ago(395 * S), endedAt: ago(350 * S) }];
    const window = livenessWindowMs(NOW, T, gaps);
    for (let at = ago(700 * S); at <= NOW; at += 500) {
      expect(NOW - at <= window, `last heard ${(NOW - at) / S} s ago`).toBe(freshByDefinition(at, NOW, T, gaps));
    }
  });
});
