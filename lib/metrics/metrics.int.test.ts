// GET /metrics (issue 14): a token is needed, the text parses with a real Prometheus parser, the
// HTTP series carry route templates (never ids), and the fleet gauges count what the pages show.
// METRICS_LISTEN serves the same text without a token on an address of its own.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCluster } from "@/app/api/v1/clusters/[id]/route";
import { db } from "@/lib/db/client";
import { startMetricsListener } from "@/lib/metrics/listen";
import { call } from "@/lib/testing/http";
import { apiToken, insertClient, insertProxy, makeCluster, secondsAgo } from "@/lib/testing/fixtures";
import { GET } from "@/app/metrics/route";

type Family = ReturnType<typeof parsePrometheusTextFormat>[number];

const parse = (text: string) => parsePrometheusTextFormat(text);
const family = (families: Family[], name: string) => families.find((f) => f.name === name);
const sample = (families: Family[], name: string, labels: Record<string, string>) =>
  family(families, name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

let viewer: string;
let clusterId: string;
let clusterName: string;

beforeAll(async () => {
  // A request without credentials is checked for a session cookie, which needs the auth secret.
  process.env.BETTER_AUTH_SECRET ??= "test-secret-".padEnd(48, "x");
  viewer = await apiToken("viewer");
  const cluster = await makeCluster({ region: "intl" });
  clusterId = cluster.id;
  clusterName = cluster.name;
  // Two proxies, one of them silent, and a minimum of two online: a degraded cluster.
  await db().proxyCluster.update({ where: { id: clusterId }, data: { minOnlineProxies: 2 } });
  // Fresh for the whole file (offline comes after 2 s in the tests).
  await insertProxy(clusterId, { lastHeartbeatAt: new Date(Date.now() + 3_600_000) });
  await insertProxy(clusterId, { lastHeartbeatAt: secondsAgo(3600) });
  await insertClient(clusterId);
  await insertClient(clusterId);
});

async function scrape(): Promise<{ status: number; type: string | null; text: string }> {
  const response = await GET(new Request("http://test/metrics", { headers: { authorization: `Bearer ${viewer}` } }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("GET /metrics", () => {
  it("answers 401 without a token", async () => {
    const response = await GET(new Request("http://test/metrics"), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("serves the Prometheus text format to a viewer's token", async () => {
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = parse(text).map((f) => f.name);
    for (const name of [
      "pac_http_requests_total",
      "pac_http_request_duration_seconds",
      "pac_relay_batches_total",
      "pac_ingest_lag_seconds",
      "pac_ingest_throttled_total",
      "pac_db_pool_connections",
      "pac_db_pool_waiting",
      "pac_connect_job_waves_total",
      "pac_retention_runs_total",
      "pac_clusters",
      "pac_proxies",
      "pac_cluster_clients",
      "pac_cluster_capacity_use_ratio",
      "pac_process_cpu_seconds_total",
    ])
      expect(names, name).toContain(name);
  });

  it("counts requests by route template and status, not by id", async () => {
    await call(getCluster, "GET", `/api/v1/clusters/${clusterId}`, {
      params: { id: clusterId },
      headers: { authorization: `Bearer ${viewer}` },
    });
    const families = parse((await scrape()).text);
    const hit = sample(families, "pac_http_requests_total", { route: "/api/v1/clusters/{id}", method: "GET", status: "200" });
    expect(Number(hit?.value)).toBeGreaterThanOrEqual(1);
    const routes = family(families, "pac_http_requests_total")!.metrics.map((m) => m.labels?.route ?? "");
    expect(routes.filter((r) => r.includes(clusterId))).toEqual([]);
  });

  it("reports the cluster's proxies and clients as the pages count them", async () => {
    const families = parse((await scrape()).text);
    // One proxy heartbeating, one silent for an hour, two needed online: a degraded cluster.
    expect(Number(sample(families, "pac_clusters", { region: "intl", status: "degraded" })?.value)).toBeGreaterThanOrEqual(1);
    expect(Number(sample(families, "pac_proxies", { region: "intl", status: "online" })?.value)).toBeGreaterThanOrEqual(1);
    expect(Number(sample(families, "pac_proxies", { region: "intl", status: "offline" })?.value)).toBeGreaterThanOrEqual(1);
    const clients = family(families, "pac_cluster_clients")!.metrics.filter((m) => m.labels?.cluster === clusterName);
    expect(clients.map((m) => [m.labels?.agent, Number(m.value)]).sort()).toEqual([
      ["offline", 2],
      ["online", 0],
    ]);
  });
});

describe("METRICS_LISTEN", () => {
  let server: Server | null;

  beforeAll(async () => {
    // A free port: bind one, note it, let it go.
    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    server = startMetricsListener(`127.0.0.1:${port}`);
    await once(server!, "listening");
  });
  afterAll(() => new Promise((r) => (server ? server.close(r) : r(undefined))));

  it("serves the same text without a token, and nothing else", async () => {
    const { port } = server!.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(parse(await response.text()).map((f) => f.name)).toContain("pac_cluster_clients");
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/clusters`)).status).toBe(404);
  });
});
