// The proxy daemon's metrics (issue 14) in the Prometheus text format (version 0.0.4), written by
// hand: the daemon has no dependencies. Served on a port of its own (AEGIS_PROXY_METRICS_LISTEN,
// host:port; off when unset), never on the agents' port, and only GET /metrics.
import http from "node:http";
import { parseListen } from "./listener.mjs";

/** @typedef {{ name: string, help: string, type: "counter" | "gauge", samples: { labels?: Record<string, string>, value: number }[] }} Family */

const escapeLabel = (value) => String(value).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const escapeHelp = (text) => text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function formatValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** @param {Family[]} families */
export function formatMetrics(families) {
  const lines = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels ?? {});
      const text = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
      lines.push(`${f.name}${text} ${formatValue(s.value)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const one = (value, labels) => [{ value, ...(labels ? { labels } : {}) }];

/**
 * What one proxy relays, from its parts: the ClientTable, the DataPipe and the listener's counters.
 * @param {{ proxyId: string, version?: () => string, clients: any, data: any, counters: any }} relay
 * @returns {Family[]}
 */
export function proxyFamilies(relay) {
  const pipe = relay.data.stats();
  const c = relay.counters;
  return [
    {
      name: "pac_proxy_info",
      help: "This proxy (value 1).",
      type: "gauge",
      samples: one(1, { proxy_id: relay.proxyId, version: relay.version?.() ?? "" }),
    },
    {
      name: "pac_proxy_connected_clients",
      help: "Agents that heartbeat through this proxy now.",
      type: "gauge",
      samples: one(relay.clients.connectedCount),
    },
    {
      name: "pac_proxy_relayed_bytes_total",
      help: "Bytes of agent data sent upstream.",
      type: "counter",
      samples: one(pipe.bytesRelayed),
    },
    {
      name: "pac_proxy_relayed_requests_total",
      help: "Agent requests relayed to the console.",
      type: "counter",
      samples: one(c.relayed),
    },
    {
      name: "pac_proxy_queued_bytes",
      help: "Bytes waiting in the disk queue to go upstream.",
      type: "gauge",
      samples: one(pipe.queuedBytes),
    },
    {
      name: "pac_proxy_dropped_records_total",
      help: "Records dropped because the queue or the cache was full.",
      type: "counter",
      samples: one(pipe.droppedRecords),
    },
    {
      name: "pac_proxy_dropped_bytes_total",
      help: "Bytes dropped because the queue or the cache was full.",
      type: "counter",
      samples: one(pipe.droppedBytes),
    },
    {
      name: "pac_proxy_filtered_records_total",
      help: "Records of data types the cache policy does not keep.",
      type: "counter",
      samples: one(relay.data.filtered),
    },
    {
      name: "pac_proxy_cache_bytes",
      help: "Bytes in the cache directory (cache mode).",
      type: "gauge",
      samples: one(pipe.cacheBytes),
    },
    {
      name: "pac_proxy_upstream_errors_total",
      help: "Failed calls to the console: agent requests relayed, and data batches sent (retried).",
      type: "counter",
      samples: [
        { labels: { kind: "agent_request" }, value: c.upstreamErrors },
        { labels: { kind: "data_batch" }, value: relay.data.upstreamErrors ?? 0 },
      ],
    },
    {
      name: "pac_proxy_refused_full_total",
      help: "Agents told to retry because the proxy was full.",
      type: "counter",
      samples: one(relay.clients.refusedFull),
    },
    {
      name: "pac_proxy_tls_required_refused_total",
      help: "Plain HTTP requests from agents refused because the cluster requires TLS.",
      type: "counter",
      samples: one(c.tlsRefused ?? 0),
    },
  ];
}

/**
 * Serves `collect()` at GET /metrics on every address of `listen`. Resolves with the addresses
 * it listens on; rejects with a clear error when one is taken.
 * @param {{ listen: string, collect: () => Family[] }} o
 */
export async function startMetricsServer(o) {
  const servers = [];
  const addresses = [];
  for (const { host, port } of parseListen(o.listen, "AEGIS_PROXY_METRICS_LISTEN")) {
    const server = http.createServer((req, res) => {
      const path = (req.url ?? "").split("?")[0];
      if (path !== "/metrics") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
        return;
      }
      let body;
      try {
        body = formatMetrics(o.collect());
      } catch (error) {
        res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${error?.message}\n`);
        return;
      }
      res
        .writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" })
        .end(req.method === "HEAD" ? undefined : body);
    });
    await new Promise((resolve, reject) => {
      server.once("error", (e) => reject(new Error(`cannot serve metrics on ${host}:${port}: ${e.code ?? e.message}`)));
      server.listen(port, host, resolve);
    }).catch(async (error) => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      throw error;
    });
    servers.push(server);
    const a = server.address();
    addresses.push(`${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`);
  }
  return {
    addresses,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise((r) => {
              s.closeAllConnections?.();
              s.close(r);
            }),
        ),
      ),
  };
}
