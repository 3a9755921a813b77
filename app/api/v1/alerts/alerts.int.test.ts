// The alert and webhook routes (issue 14): viewers read, only admins change; bodies are validated;
// the secret is shown once; the list pages with a cursor and the summary counts open alerts.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateOnce } from "@/lib/alerts/evaluate";
import { apiToken, insertProxy, makeCluster, secondsAgo, uniqueName } from "@/lib/testing/fixtures";
import { call, errorOf, fieldPaths } from "@/lib/testing/http";
import * as rules from "../alert-rules/route";
import * as webhooks from "../webhooks/route";
import * as webhook from "../webhooks/[id]/route";
import * as deliveries from "../webhooks/[id]/deliveries/route";
import * as list from "./route";
import * as summary from "./summary/route";

const origin = "https://console.example";
let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;
beforeAll(async () => {
  admin = { authorization: `Bearer ${await apiToken("admin")}`, origin };
  operator = { authorization: `Bearer ${await apiToken("operator")}`, origin };
  viewer = { authorization: `Bearer ${await apiToken("viewer")}`, origin };
});

describe("alerts", () => {
  it("lists open alerts newest first with a cursor, and counts them for the header", async () => {
    const cluster = await makeCluster({ region: "intl", name: uniqueName("routes") });
    for (let i = 0; i < 3; i++) await insertProxy(cluster.id, { lastHeartbeatAt: secondsAgo(60) });
    await evaluateOnce();
    const count = await call<{ open: number }>(summary.GET, "GET", "/api/v1/alerts/summary?region=intl", { headers: viewer });
    expect(count.status).toBe(200);
    expect(count.body.open).toBe(4); // three proxies offline and their cluster

    type Page = { items: { id: string; kind: string; resolvedAt: string | null; link: string }[]; nextCursor: string | null };
    const first = await call<Page>(list.GET, "GET", "/api/v1/alerts?region=intl&state=open&limit=3", { headers: viewer });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await call<Page>(
      list.GET,
      "GET",
      `/api/v1/alerts?region=intl&limit=3&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      {
        headers: viewer,
      },
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((a) => a.id);
    expect(new Set(ids).size).toBe(4);
    expect((await call<Page>(list.GET, "GET", "/api/v1/alerts?region=cn", { headers: viewer })).body.items).toEqual([]);
    expect((await call(list.GET, "GET", "/api/v1/alerts?region=intl&state=closed", { headers: viewer })).status).toBe(400);
    expect((await call(list.GET, "GET", "/api/v1/alerts?region=intl&cursor=nonsense", { headers: viewer })).status).toBe(400);
  });
});

describe("alert rules", () => {
  it("viewers read the rules with their defaults; only an admin changes them, within range", async () => {
    type Rules = { items: { kind: string; threshold: number | null; defaultThreshold: number | null; enabled: boolean }[] };
    const read = await call<Rules>(rules.GET, "GET", "/api/v1/alert-rules", { headers: viewer });
    expect(read.body.items.find((r) => r.kind === "capacity_use")).toMatchObject({
      threshold: 80,
      defaultThreshold: 80,
      enabled: true,
    });
    expect(read.body.items.map((r) => r.kind)).toHaveLength(7);

    const body = { rules: [{ kind: "capacity_use", enabled: true, threshold: 75 }] };
    expect(errorOf(await call(rules.PUT, "PUT", "/api/v1/alert-rules", { headers: operator, body }))?.code).toBe("FORBIDDEN");
    const bad = await call(rules.PUT, "PUT", "/api/v1/alert-rules", {
      headers: admin,
      body: {
        rules: [
          { kind: "capacity_use", enabled: true, threshold: 150 },
          { kind: "proxy_offline", enabled: true, threshold: 5 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(["body.rules.0.threshold", "body.rules.1.threshold"]);
    const ok = await call<Rules>(rules.PUT, "PUT", "/api/v1/alert-rules", { headers: admin, body });
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((r) => r.kind === "capacity_use")).toMatchObject({ threshold: 75, defaultThreshold: 80 });
  });
});

describe("webhooks", () => {
  it("an admin adds a destination (secret shown once), others cannot; the URL must be http(s)", async () => {
    const name = uniqueName("hook");
    expect(
      (await call(webhooks.POST, "POST", "/api/v1/webhooks", { headers: operator, body: { name, url: "https://x.example/" } }))
        .status,
    ).toBe(403);
    const ftp = await call(webhooks.POST, "POST", "/api/v1/webhooks", {
      headers: admin,
      body: { name, url: "ftp://x.example/" },
    });
    expect(ftp.status).toBe(400);
    expect(fieldPaths(ftp)).toEqual(["body.url"]);

    const created = await call<{ id: string; secret: string }>(webhooks.POST, "POST", "/api/v1/webhooks", {
      headers: admin,
      body: { name, url: "https://receiver.example/hook" },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const again = await call(webhooks.POST, "POST", "/api/v1/webhooks", {
      headers: admin,
      body: { name, url: "https://receiver.example/" },
    });
    expect(errorOf(again)?.code).toBe("NAME_TAKEN");

    const listed = await call<{ items: Record<string, unknown>[] }>(webhooks.GET, "GET", "/api/v1/webhooks", { headers: viewer });
    const mine = listed.body.items.find((w) => w.id === created.body.id)!;
    expect(mine).toMatchObject({ name, url: "https://receiver.example/hook", enabled: true, lastDelivery: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const params = { id: created.body.id };
    const patched = await call<{ enabled: boolean; secret: string | null }>(webhook.PATCH, "PATCH", "/", {
      headers: admin,
      params,
      body: { enabled: false },
    });
    expect(patched.body).toMatchObject({ enabled: false, secret: null });
    expect((await call(webhook.PATCH, "PATCH", "/", { headers: admin, params, body: {} })).status).toBe(400);
    const log = await call<{ items: unknown[] }>(deliveries.GET, "GET", "/", { headers: viewer, params });
    expect(log).toMatchObject({ status: 200, body: { items: [] } });
    expect((await call(webhook.DELETE, "DELETE", "/", { headers: operator, params })).status).toBe(403);
    expect((await call(webhook.DELETE, "DELETE", "/", { headers: admin, params })).status).toBe(204);
    expect(errorOf(await call(deliveries.GET, "GET", "/", { headers: viewer, params }))?.code).toBe("NOT_FOUND");
  });
});
