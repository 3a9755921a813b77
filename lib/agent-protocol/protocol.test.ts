// The shared protocol client (agent/protocol.mjs): backoff, Retry-After, and which answers
// are retried or final.
import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  createProtocolClient,
  jittered,
  parseRetryAfter,
  ProtocolError,
  retryAfterJitter,
} from "@/agent/protocol.mjs";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "network-error";

function fakeFetch(replies: Reply[]) {
  const seen: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    const reply = replies.shift() ?? { status: 200, body: {} };
    if (reply === "network-error") throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.headers,
    });
  }) as unknown as typeof fetch;
  return { impl, seen };
}

const quick = { retryBaseMs: 1, retryCapMs: 2 };

describe("backoff and timing helpers", () => {
  it("doubles the step up to the cap, keeping at least half of it", () => {
    expect(backoffDelayMs(0, { baseMs: 100, random: () => 0 })).toBe(50);
    expect(backoffDelayMs(3, { baseMs: 100, random: () => 1 })).toBe(800);
    expect(backoffDelayMs(30, { baseMs: 100, capMs: 1000, random: () => 1 })).toBe(1000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });

  it("adds 0–50 % to a Retry-After wait", () => {
    expect(retryAfterJitter(2000, 0.5, () => 0)).toBe(2000);
    expect(retryAfterJitter(2000, 0.5, () => 0.5)).toBe(2500);
    expect(retryAfterJitter(2000, 0.5, () => 0.999)).toBe(2999);
  });

  it("spreads an interval by ±fraction", () => {
    expect(jittered(1000, 0.1, () => 0)).toBe(900);
    expect(jittered(1000, 0.1, () => 1)).toBe(1100);
  });
});

describe("createProtocolClient", () => {
  it("sends the credential and the body, and returns the JSON answer", async () => {
    const { impl, seen } = fakeFetch([{ status: 200, body: { tasks: [], heartbeatIntervalSeconds: 30 } }]);
    const client = createProtocolClient({ url: "http://console/", credential: "pag_x", fetch: impl });
    const answer = await client.heartbeat({ agentVersion: "3.3.0", viaProxyId: null });
    expect(answer.heartbeatIntervalSeconds).toBe(30);
    expect(seen[0]!.url).toBe("http://console/api/v1/agent/heartbeat");
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer pag_x");
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ agentVersion: "3.3.0", viaProxyId: null });
  });

  it("retries network errors, 5xx and 429, then succeeds", async () => {
    const { impl, seen } = fakeFetch([
      "network-error",
      { status: 503 },
      { status: 429, headers: { "retry-after": "0" }, body: { error: { code: "BATCH_INTERVAL" } } },
      { status: 201, body: { proxyId: "p1" } },
    ]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, maxAttempts: 5, ...quick });
    const answer = await client.registerProxy("pdp_token", {} as never, "1.5.0");
    expect(answer.proxyId).toBe("p1");
    expect(seen).toHaveLength(4);
  });

  it("gives up after maxAttempts with an 'unavailable' error", async () => {
    const { impl, seen } = fakeFetch(["network-error", "network-error", "network-error"]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, maxAttempts: 3, ...quick });
    const error = await client.heartbeat({ agentVersion: "3.3.0", viaProxyId: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ kind: "unavailable", fatal: false });
    expect(seen).toHaveLength(3);
  });

  it.each([
    [401, "unauthorized"],
    [410, "gone"],
    [422, "rejected"],
  ])("does not retry a %i: it is final (%s)", async (status, kind) => {
    const { impl, seen } = fakeFetch([{ status, body: { error: { code: "X", message: "no" } } }]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, ...quick });
    const error = await client.proxyHeartbeat("p1", {} as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, status, code: "X", fatal: true });
    expect(seen).toHaveLength(1);
  });

  it("reports every request to onRequest", async () => {
    const events: { status: number | null }[] = [];
    const { impl } = fakeFetch([{ status: 500 }, { status: 200, body: {} }]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, onRequest: (e) => events.push(e), ...quick });
    await client.heartbeat({ agentVersion: "3.3.0", viaProxyId: null });
    expect(events.map((e) => e.status)).toEqual([500, 200]);
  });

  it.each([429, 503])("waits a %i's Retry-After plus up to half of it at random, not the backoff", async (status) => {
    for (const [random, expected] of [
      [0, 200],
      [0.5, 250],
      [1, 300],
    ] as const) {
      const waits: number[] = [];
      const { impl, seen } = fakeFetch([
        { status, headers: { "retry-after": "0.2" }, body: { error: { code: "INGEST_PACED" } } },
        { status: 200, body: { received: 1, accepted: 1, refused: 0 } },
      ]);
      const log = { warn: (_msg: string, fields?: object) => waits.push((fields as { retryInMs: number }).retryInMs) };
      const client = createProtocolClient({ url: "http://c", fetch: impl, log, random: () => random, ...quick });
      const started = performance.now();
      await client.proxyData("p1", [{ assetId: "a", type: "t", at: "x", data: {}, seq: 1 }], "s1");
      expect(waits).toEqual([expected]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(expected - 5);
      expect(seen).toHaveLength(2);
    }
  });

  it("backs off a 503 without Retry-After as any 5xx", async () => {
    const waits: number[] = [];
    const { impl } = fakeFetch([{ status: 503 }, { status: 200, body: {} }]);
    const log = { warn: (_msg: string, fields?: object) => waits.push((fields as { retryInMs: number }).retryInMs) };
    const client = createProtocolClient({ url: "http://c", fetch: impl, log, random: () => 1, ...quick });
    await client.heartbeat({ agentVersion: "3.3.0", viaProxyId: null });
    expect(waits).toEqual([1]); // backoffDelayMs(0, base 1 ms): 0.5 + 1 × 0.5, rounded
  });

  it("sends a proxy's batch with its stream, and without one as before", async () => {
    const { impl, seen } = fakeFetch([
      { status: 200, body: {} },
      { status: 200, body: {} },
    ]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, ...quick });
    const records = [{ assetId: "a", type: "t", at: "x", data: {}, seq: 7 }];
    await client.proxyData("p1", records, "3f0e4d52-7d4c-4b1e-9f0a-1d2c3b4a5e6f");
    await client.proxyData("p1", records);
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ stream: "3f0e4d52-7d4c-4b1e-9f0a-1d2c3b4a5e6f", records });
    expect(JSON.parse(String(seen[1]!.init.body))).toEqual({ records });
  });

  it("stops a call waiting out a Retry-After when its own signal aborts", async () => {
    const { impl, seen } = fakeFetch([{ status: 503, headers: { "retry-after": "30" } }]);
    const client = createProtocolClient({ url: "http://c", fetch: impl, ...quick });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = performance.now();
    const error = await client.agentData([{ type: "t", at: "x", data: {} }], { signal: stop.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "aborted" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(seen).toHaveLength(1);
  });
});
