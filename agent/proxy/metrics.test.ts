// The proxy daemon's metrics (issue 14): a real DataPipe and ClientTable behind the daemon's own
// metrics port, scraped over HTTP and read with a real Prometheus text parser.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientTable } from "./client-table.mjs";
import { DataPipe } from "./data-pipe.mjs";
import { formatMetrics, proxyFamilies, startMetricsServer } from "./metrics.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "proxy-metrics-"));
const record = (n: number) => ({ type: "process", at: new Date().toISOString(), data: { n, pad: "x".repeat(200) } });

let data: DataPipe;
let server: Awaited<ReturnType<typeof startMetricsServer>>;
const counters = { relayed: 7, upstreamErrors: 2, notFound: 0 };

beforeAll(async () => {
  // A queue of 2 KB: 20 records of ~250 bytes do not all fit, and the rest are counted as dropped.
  data = new DataPipe({ stateDir: dir, queueMaxBytes: 2048 });
  data.accept(
    "asset-1",
    Array.from({ length: 20 }, (_, i) => record(i)),
  );
  // Two batches the console did not take, then the drain stops.
  const stop = new AbortController();
  let calls = 0;
  await data.drain(
    async () => {
      if (++calls >= 2) stop.abort();
      throw new Error("console unavailable");
    },
    { signal: stop.signal, retryMs: () => 1 },
  );
  const clients = new ClientTable({ clusterId: "c1" });
  server = await startMetricsServer({
    listen: "127.0.0.1:0",
    collect: () => proxyFamilies({ proxyId: "p-1", version: () => "3.3.0", clients, data, counters }),
  });
});

afterAll(async () => {
  await server.close();
  data.close();
  rmSync(dir, { recursive: true, force: true });
});

const value = (families: ReturnType<typeof parsePrometheusTextFormat>, name: string, labels: Record<string, string> = {}) =>
  Number(
    families.find((f) => f.name === name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
      ?.value ?? Number.NaN,
  );

describe("the proxy's metrics port", () => {
  it("serves what the relay holds, in a text Prometheus parses", async () => {
    const response = await fetch(`http://${server.addresses[0]}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusTextFormat(await response.text());
    const stats = data.stats();
    expect(stats.droppedRecords).toBeGreaterThan(0);
    expect(value(families, "pac_proxy_info", { proxy_id: "p-1", version: "3.3.0" })).toBe(1);
    expect(value(families, "pac_proxy_connected_clients")).toBe(0);
    expect(value(families, "pac_proxy_queued_bytes")).toBe(stats.queuedBytes);
    expect(value(families, "pac_proxy_queued_bytes")).toBeGreaterThan(0);
    expect(value(families, "pac_proxy_dropped_records_total")).toBe(stats.droppedRecords);
    expect(value(families, "pac_proxy_dropped_bytes_total")).toBe(stats.droppedBytes);
    expect(value(families, "pac_proxy_relayed_bytes_total")).toBe(0);
    expect(value(families, "pac_proxy_relayed_requests_total")).toBe(7);
    expect(value(families, "pac_proxy_cache_bytes")).toBe(0);
    expect(value(families, "pac_proxy_upstream_errors_total", { kind: "agent_request" })).toBe(2);
    expect(value(families, "pac_proxy_upstream_errors_total", { kind: "data_batch" })).toBe(2);
    expect(families.find((f) => f.name === "pac_proxy_dropped_records_total")?.type).toBe("COUNTER");
  });

  it("serves nothing but GET /metrics", async () => {
    expect((await fetch(`http://${server.addresses[0]}/api/v1/agent/heartbeat`)).status).toBe(404);
    expect((await fetch(`http://${server.addresses[0]}/metrics`, { method: "POST" })).status).toBe(405);
  });

  it("says which setting to change when the port is taken", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => taken.once("listening", r));
    const { port } = taken.address() as { port: number };
    await expect(startMetricsServer({ listen: `127.0.0.1:${port}`, collect: () => [] })).rejects.toThrow(
      /cannot serve metrics on 127\.0\.0\.1:\d+: EADDRINUSE/,
    );
    await expect(startMetricsServer({ listen: "9100", collect: () => [] })).rejects.toThrow(/AEGIS_PROXY_METRICS_LISTEN/);
    await new Promise((r) => taken.close(r));
  });
});

describe("formatMetrics", () => {
  it("escapes label values and help text", () => {
    const text = formatMetrics([
      { name: "m", help: "a \\ b\nc", type: "gauge", samples: [{ labels: { path: 'C:\\x "y"\nz' }, value: 1.5 }] },
    ]);
    expect(text).toBe('# HELP m a \\\\ b\\nc\n# TYPE m gauge\nm{path="C:\\\\x \\"y\\"\\nz"} 1.5\n');
    expect(parsePrometheusTextFormat(text)[0]?.metrics[0]?.labels?.path).toBe('C:\\x "y"\nz');
  });
});
