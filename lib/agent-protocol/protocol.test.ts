// The shared protocol client (agent/protocol.mjs): backoff, Retry-After, and which answers
// are retried or final.
import { describe, expect, it } from "vitest";
import { backoffDelayMs, createProtocolClient, jittered, parseRetryAfter, ProtocolError } from "@/agent/protocol.mjs";

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
});
