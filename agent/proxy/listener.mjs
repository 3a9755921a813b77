// The proxy's listener for agents (SPEC §8): only the agent-facing routes exist here. Agent
// heartbeats and data are answered by the proxy itself (ClientTable, DataPipe); served scripts,
// agent program files and registrations are relayed to the console, signed with the proxy's own
// credential. Every other path is 404 from the proxy, so the operator API and the sign-in page can
// never be reached from the isolated network.
import http from "node:http";

const MAX_BODY = 1_000_000;

const RELAYED = [
  ["GET", /^\/api\/v1\/install\/[^/]+\/(linux\.sh|windows\.ps1)$/],
  ["GET", /^\/api\/v1\/deploy\/[^/]+\/proxy\.sh$/],
  ["GET", /^\/api\/v1\/agent-dist\/[A-Za-z0-9._/-]+$/],
  // Release packages for upgrades (issue 17), fetched with the agent's own credential.
  ["GET", /^\/api\/v1\/agent\/releases\/[0-9A-Za-z.+-]+$/],
  ["POST", /^\/api\/v1\/agent\/register$/],
];

/** Which local handler, if any, serves a request: "relay", "heartbeat", "data" or null (404). */
export function routeOf(method, pathname) {
  if (pathname.includes("..")) return null;
  if (method === "POST" && pathname === "/api/v1/agent/heartbeat") return "heartbeat";
  if (method === "POST" && pathname === "/api/v1/agent/data") return "data";
  return RELAYED.some(([m, re]) => m === method && re.test(pathname)) ? "relay" : null;
}

/** "host:port,host:port" (IPv6 as [::1]:8080) → [{ host, port }]. */
export function parseListen(text, setting = "AEGIS_PROXY_LISTEN") {
  return String(text)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(item);
      if (!m || Number(m[3]) > 65535) throw new Error(`${setting}: "${item}" is not host:port`);
      return { host: m[1] ?? m[2], port: Number(m[3]) };
    });
}

function send(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

const error = (code, message) => ({ error: { code, message } });

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error("body too large"), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The agent credential, in the shape the console accepts (anything else never reaches it). */
function bearer(req) {
  const m = /^Bearer\s+(pag_[A-Za-z0-9_-]{10,200})$/i.exec(req.headers.authorization ?? "");
  return m ? m[1] : null;
}

const VERSION = /^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/;

function agentVersionOf(body) {
  try {
    const v = JSON.parse(body.toString("utf8"))?.agentVersion;
    return typeof v === "string" && v.length <= 32 && VERSION.test(v) ? v : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The plain listener's answer to agents when their cluster requires TLS (issue 17): use https. */
function tlsRequired(res, port) {
  const body = error("TLS_REQUIRED", `This cluster requires TLS: connect with https on port ${port}.`);
  send(
    res,
    426,
    { error: { ...body.error, details: { port } } },
    {
      upgrade: "TLS/1.2, HTTP/1.1",
      connection: "Upgrade, close",
    },
  );
}

/**
 * @param {{ listen: { host: string, port: number }[], upstream: () => string, relayHeaders: () => Record<string, string>,
 *           clients: import("./client-table.mjs").ClientTable, data: import("./data-pipe.mjs").DataPipe,
 *           intervalSeconds: () => number, log: object, fetch?: typeof fetch, timeoutMs?: number,
 *           tls?: () => { port: number, required: boolean, serving: boolean } | null }} options
 * `tls` says whether TLS is served and required (tls-listener.mjs); the TLS servers call `handler`.
 */
export function createRelayListener(options) {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const counters = { relayed: 0, upstreamErrors: 0, notFound: 0, tlsRefused: 0 };

  async function relay(req, res, body) {
    const proto = req.socket.encrypted ? "https" : "http";
    const headers = { ...options.relayHeaders(), "x-forwarded-for": req.socket.remoteAddress ?? "", "x-forwarded-proto": proto };
    for (const h of ["authorization", "content-type", "user-agent", "accept"]) if (req.headers[h]) headers[h] = req.headers[h];
    try {
      const upstream = await fetchImpl(options.upstream() + req.url, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const out = Buffer.from(await upstream.arrayBuffer());
      const pass = {};
      for (const h of ["content-type", "retry-after", "cache-control"])
        if (upstream.headers.get(h)) pass[h] = upstream.headers.get(h);
      counters.relayed++;
      res.writeHead(upstream.status, pass);
      res.end(out);
    } catch (e) {
      counters.upstreamErrors++;
      options.log.warn("relay to the console failed", { path: req.url, error: String(e?.cause?.code ?? e?.message) });
      send(res, 502, error("UPSTREAM_UNAVAILABLE", "The proxy cannot reach the console right now; retry later."), {
        "retry-after": "5",
      });
    }
  }

  function tlsAdvert() {
    const tls = options.tls?.();
    return tls?.serving ? { tls: { port: tls.port, required: tls.required } } : {};
  }

  function heartbeat(req, res, body) {
    const credential = bearer(req);
    if (!credential)
      return send(res, 401, error("UNAUTHENTICATED", "Send the agent credential as Authorization: Bearer pag_..."));
    const answer = options.clients.beat(credential, agentVersionOf(body));
    if (answer.status === 401) return send(res, 401, error("UNAUTHENTICATED", "Unknown or revoked agent credential."));
    if (answer.status === 503)
      return send(res, 503, error("PROXY_FULL", "This proxy serves as many agents as it can."), { "retry-after": "30" });
    send(res, 200, {
      tasks: answer.tasks,
      heartbeatIntervalSeconds: options.intervalSeconds(),
      ...(answer.route ? { route: answer.route } : {}),
      // Where this proxy serves TLS, so an agent holding the console CA moves to it (issue 17).
      ...tlsAdvert(),
    });
  }

  function data(req, res, body) {
    const credential = bearer(req);
    const assetId = credential && options.clients.assetOf(credential);
    // Not yet confirmed by the console (its join is in flight): the agent keeps the records and retries.
    if (!assetId)
      return send(res, 503, error("NOT_READY", "This agent is not confirmed yet; retry shortly."), { "retry-after": "5" });
    let records;
    try {
      records = JSON.parse(body.toString("utf8")).records;
    } catch {
      records = null;
    }
    if (!Array.isArray(records) || records.length === 0 || records.length > 2000)
      return send(res, 400, error("VALIDATION_FAILED", "records must be an array of 1 to 2000 records."));
    const accepted = options.data.accept(assetId, records);
    send(res, 200, { received: records.length, accepted, refused: records.length - accepted });
  }

  async function handle(req, res) {
    const query = req.url.indexOf("?");
    const pathname = query < 0 ? req.url : req.url.slice(0, query); // hot path: no URL object
    const kind = routeOf(req.method, pathname);
    if (!kind) {
      counters.notFound++;
      return send(res, 404, error("NOT_FOUND", "Not a route this proxy serves."));
    }
    const tls = options.tls?.();
    if (tls?.required && !req.socket.encrypted) {
      counters.tlsRefused++;
      return tlsRequired(res, tls.port);
    }
    let body = Buffer.alloc(0);
    try {
      if (req.method !== "GET") body = await readBody(req);
    } catch (e) {
      return send(res, e.status ?? 400, error("BAD_REQUEST", e.message));
    }
    if (kind === "heartbeat") return heartbeat(req, res, body);
    if (kind === "data") return data(req, res, body);
    return relay(req, res, body);
  }

  const servers = [];
  const handler = (req, res) => void handle(req, res).catch(() => send(res, 500, error("INTERNAL", "proxy error")));
  return {
    counters,
    /** The request handler, shared with the TLS servers. */
    handler,
    /** Listens on every address; rejects with a clear error when one is taken. */
    async start() {
      for (const { host, port } of options.listen) {
        const server = http.createServer(handler);
        server.keepAliveTimeout = 65_000;
        await new Promise((resolve, reject) => {
          server.once("error", (e) => reject(new Error(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`)));
          server.listen(port, host, resolve);
        });
        servers.push(server);
      }
      return servers.map((s) => {
        const a = s.address();
        return a.family === "IPv6" ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
      });
    },
    async close() {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r()) && s.closeAllConnections?.())));
    },
  };
}
