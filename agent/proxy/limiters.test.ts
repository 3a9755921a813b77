// The backflow limiters (R17) against a fake clock.
import { describe, expect, it } from "vitest";
import { FrequencyLimiter, TokenBucket, kbpsToBytesPerSecond } from "@/agent/proxy/limiters.mjs";

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("TokenBucket", () => {
  it("admits about rate per simulated second and never more than rate×t + burst", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 10_000, burst: 10_000, now: clock.now });
    const admitted: { at: number; bytes: number }[] = [];
    // A greedy sender of 1,500-byte chunks for 10 simulated seconds, obeying every wait.
    while (clock.now() < 10_000) {
      const wait = bucket.take(1500);
      if (wait === 0) admitted.push({ at: clock.now(), bytes: 1500 });
      else clock.advance(wait);
    }
    const total = admitted.reduce((sum, a) => sum + a.bytes, 0);
    expect(total).toBeGreaterThanOrEqual(10_000 * 10);
    expect(total).toBeLessThanOrEqual(10_000 * 10 + 10_000);
    for (const start of admitted) {
      for (const windowMs of [1, 500, 1000, 3000]) {
        const inWindow = admitted.filter((a) => a.at >= start.at && a.at < start.at + windowMs);
        const bytes = inWindow.reduce((sum, a) => sum + a.bytes, 0);
        expect(bytes).toBeLessThanOrEqual(10_000 * (windowMs / 1000) + 10_000);
      }
    }
  });

  it("returns the wait without deducting, then deducts once the wait has passed", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 1000, burst: 1000, now: clock.now });
    expect(bucket.take(1000)).toBe(0);
    expect(bucket.take(500)).toBe(500);
    expect(bucket.take(500)).toBe(500);
    clock.advance(500);
    expect(bucket.take(500)).toBe(0);
    expect(bucket.tryTake(1)).toBe(false);
  });

  it("lets a request larger than the burst through once full, then makes later ones repay the debt", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 100, now: clock.now });
    expect(bucket.take(300)).toBe(0);
    expect(bucket.tokens).toBe(-200);
    expect(bucket.take(100)).toBe(3000);
    clock.advance(3000);
    expect(bucket.take(100)).toBe(0);
  });

  it("never waits when unlimited (null or Infinity)", () => {
    for (const rate of [null, Infinity]) {
      const bucket = new TokenBucket({ ratePerSecond: rate });
      for (let i = 0; i < 1000; i++) expect(bucket.take(1e9)).toBe(0);
      expect(bucket.unlimited).toBe(true);
    }
  });

  it("applies a rate change from then on", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 100, now: clock.now });
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBe(1000);
    bucket.setRate(1000, 1000);
    expect(bucket.take(100)).toBe(100);
    bucket.setRate(null);
    expect(bucket.take(1e6)).toBe(0);
    bucket.setRate(10);
    expect(bucket.take(10)).toBe(0);
    expect(bucket.take(10)).toBe(1000);
  });

  it("refuses a rate that is neither positive nor unlimited", () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: Number.NaN })).toThrow(RangeError);
  });
});

describe("FrequencyLimiter", () => {
  it("admits 60 at once at 60/min, then one about every second", () => {
    const clock = fakeClock();
    const limiter = new FrequencyLimiter({ perMinute: 60, now: clock.now });
    for (let i = 0; i < 60; i++) expect(limiter.take()).toBe(0);
    for (let i = 0; i < 5; i++) {
      const wait = limiter.take();
      expect(wait).toBeGreaterThanOrEqual(999);
      expect(wait).toBeLessThanOrEqual(1000);
      clock.advance(wait);
      expect(limiter.take()).toBe(0);
    }
  });

  it("is unlimited by default and follows setLimit", () => {
    const clock = fakeClock();
    const limiter = new FrequencyLimiter({ now: clock.now });
    for (let i = 0; i < 10_000; i++) expect(limiter.take()).toBe(0);
    limiter.setLimit(6);
    expect(limiter.perMinute).toBe(6);
    for (let i = 0; i < 6; i++) expect(limiter.tryTake()).toBe(true);
    expect(limiter.take()).toBe(10_000);
    limiter.setLimit(null);
    expect(limiter.take()).toBe(0);
  });
});

it("kbpsToBytesPerSecond counts 1 Kbit as 1000 bits", () => {
  expect(kbpsToBytesPerSecond(10)).toBe(1250);
  expect(kbpsToBytesPerSecond(null)).toBeNull();
});
