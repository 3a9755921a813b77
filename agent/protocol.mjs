// The agent protocol client (SPEC §7), shared by the real agent and proxy daemon
// (pac-agent.mjs), the fleet simulator and the heartbeat benchmark. Plain ESM on Node >= 20,
// no dependencies: the console serves this file as it is (GET /api/v1/agent-dist/protocol.mjs).
//
// Transport policy: every request has a timeout; network errors, timeouts and 5xx answers are
// retried with exponential backoff and jitter; a 429 or 503 with Retry-After waits that long plus
// 0–50 % at random, so a fleet told to come back together does not (issue 15). 401 (unknown
// credential or token) and 410 (deleted proxy, used or expired token) are final: the caller stops.

/** Versions this build reports; the console's release catalog decides what is "latest" (R10). */
export const AGENT_VERSION = "3.3.0";
export const DEFAULT_PROXY_VERSION = "1.5.0";

export class ProtocolError extends Error {
  /**
   * @param {"unauthorized"|"gone"|"rejected"|"unavailable"|"aborted"} kind
   * @param {string} message
   * @param {{ status?: number, code?: string, details?: unknown }} [info]
   */
  constructor(kind, message, info = {}) {
    super(message);
    this.name = "ProtocolError";
    this.kind = kind;
    this.status = info.status ?? null;
    this.code = info.code ?? null;
    this.details = info.details;
  }

  /** The daemon cannot recover by retrying: its credential or token is no longer valid. */
  get fatal() {
    return this.kind === "unauthorized" || this.kind === "gone" || this.kind === "rejected";
  }
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random. */
export function backoffDelayMs(attempt, { baseMs = 500, capMs = 30_000, random = Math.random } = {}) {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value === null || value === undefined || String(value).trim() === "") return null;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A Retry-After wait plus up to `fraction` more at random: proxies paced together come back spread. */
export function retryAfterJitter(ms, fraction = 0.5, random = Math.random) {
  return Math.round(ms * (1 + fraction * random()));
}

/** `ms` spread by ±fraction, so a fleet started at once does not heartbeat in lockstep. */
export function jittered(ms, fraction = 0.1, random = Math.random) {
  return Math.max(0, Math.round(ms * (1 - fraction + 2 * fraction * random())));
}

/** Resolves after `ms`, or early (to true) when `signal` aborts. Never rejects. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function errorKind(status) {
  if (status === 401) return "unauthorized";
  if (status === 410) return "gone";
  return "rejected";
}

/**
 * @param {{
 *   url: string,
 *   credential?: string | null,
 *   timeoutMs?: number,
 *   maxAttempts?: number,
 *   retryBaseMs?: number,
 *   retryCapMs?: number,
 *   fetch?: typeof fetch,
 *   signal?: AbortSignal,
 *   log?: { warn: (msg: string, fields?: object) => void },
 *   onRequest?: (event: { path: string, status: number | null, ms: number, error?: string }) => void,
 *   schedule?: <T>(attempt: () => Promise<T>) => Promise<T>,
 *   userAgent?: string,
 *   random?: () => number,
 * }} options
 * `schedule` runs each attempt (the simulator passes a concurrency limiter); the timeout and
 * the measured time start when the attempt runs, not while it waits its turn.
 */
export function createProtocolClient(options) {
  let base = (options.url ?? "").replace(/\/+$/, "");
  /** An EndpointPool (client/endpoints.mjs): each attempt goes to its current endpoint, and a
   * network error or a 5xx moves on to the next (failover between a cluster's proxies). */
  let endpoints = options.endpoints ?? null;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  /** For https endpoints: a fetch that pins the console CA (tls-fetch.mjs, issue 17). */
  let tlsFetch = options.tlsFetch ?? null;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const schedule = options.schedule ?? ((attempt) => attempt());
  const backoff = {
    baseMs: options.retryBaseMs ?? 500,
    capMs: options.retryCapMs ?? 30_000,
    random: options.random ?? Math.random,
  };
  let credential = options.credential ?? null;

  async function once(method, path, body, raw, stop) {
    const target = endpoints ? endpoints.current() : base;
    const signals = [AbortSignal.timeout(timeoutMs), ...(stop ? [stop] : [])];
    const headers = { "content-type": "application/json", "user-agent": options.userAgent ?? `pac-agent/${AGENT_VERSION}` };
    if (credential) headers.authorization = `Bearer ${credential}`;
    const started = performance.now();
    try {
      const fetchVia = tlsFetch && target.startsWith("https:") ? tlsFetch : fetchImpl;
      const response = await fetchVia(target + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
      // A download (raw) keeps the bytes of a good answer; error answers are JSON either way.
      if (raw && response.ok) {
        const bytes = Buffer.from(await response.arrayBuffer());
        options.onRequest?.({ path, status: response.status, ms: performance.now() - started });
        endpoints?.succeeded(target);
        return { response, json: bytes };
      }
      const text = await response.text();
      options.onRequest?.({ path, status: response.status, ms: performance.now() - started });
      if (endpoints) {
        if (response.status >= 500) endpoints.failed(target);
        else endpoints.succeeded(target);
      }
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { response, json };
    } catch (error) {
      if (stop?.aborted) throw new ProtocolError("aborted", "stopped while a request was in flight");
      const message =
        error?.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : String(error?.cause?.code ?? error?.message);
      options.onRequest?.({ path, status: null, ms: performance.now() - started, error: message });
      endpoints?.failed(target);
      return { networkError: `${target}: ${message}` };
    }
  }

  /** `signal`: this call's own stop (e.g. the agent's data loop), besides the client's. */
  async function call(method, path, body, raw = false, signal = undefined) {
    const stop = signal && options.signal ? AbortSignal.any([signal, options.signal]) : (signal ?? options.signal);
    let last = "";
    for (let attempt = 0; ; attempt++) {
      if (stop?.aborted) throw new ProtocolError("aborted", "stopped");
      const { response, json, networkError } = await schedule(() => once(method, path, body, raw, stop));
      let waitMs = backoffDelayMs(attempt, backoff);
      if (response?.ok) return json;
      if (response) {
        const err = json?.error ?? {};
        const message = `${method} ${path}: ${response.status} ${err.code ?? response.statusText}${err.message ? ` — ${err.message}` : ""}`;
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
        if (response.status === 429 || response.status === 503) {
          if (retryAfter !== null) waitMs = retryAfterJitter(retryAfter, 0.5, options.random);
        } else if (response.status < 500) {
          throw new ProtocolError(errorKind(response.status), message, {
            status: response.status,
            code: err.code,
            details: err.details,
          });
        }
        last = message;
      } else {
        last = `${method} ${path}: ${networkError}`;
      }
      if (attempt + 1 >= maxAttempts) throw new ProtocolError("unavailable", `${last} (gave up after ${attempt + 1} attempts)`);
      options.log?.warn("request failed, retrying", { error: last, attempt: attempt + 1, retryInMs: waitMs });
      if (await sleep(waitMs, stop)) throw new ProtocolError("aborted", "stopped");
    }
  }

  return {
    get credential() {
      return credential;
    },
    setCredential(value) {
      credential = value;
    },
    /** Where requests go: one base URL, or a pool of endpoints with failover. */
    get url() {
      return endpoints ? endpoints.current() : base;
    },
    setUrl(url) {
      base = url.replace(/\/+$/, "");
      endpoints = null;
    },
    setEndpoints(pool) {
      endpoints = pool;
    },
    /** The fetch for https endpoints (a pinned CA); null: the default fetch. */
    setTlsFetch(fn) {
      tlsFetch = fn;
    },
    /** Switches to the pool's endpoint at one of these host:port pairs; its URL, or null when not in the pool. */
    preferEndpoint(hostPorts) {
      return endpoints?.prefer ? endpoints.prefer(hostPorts) : null;
    },
    /** POST /api/v1/agent/register → { assetId, credential, clusterId, contactAddress } */
    register: (installToken, facts) => call("POST", "/api/v1/agent/register", { installToken, ...facts }),
    /** POST /api/v1/agent/heartbeat → { tasks, heartbeatIntervalSeconds } */
    heartbeat: (report) => call("POST", "/api/v1/agent/heartbeat", report),
    /** POST /api/v1/agent/proxies/register → { proxyId, credential, clusterId, contactAddress, heartbeatPath } */
    registerProxy: (deployToken, facts, proxyVersion) =>
      call("POST", "/api/v1/agent/proxies/register", { deployToken, ...facts, proxyVersion }),
    /** POST /api/v1/agent/proxies/{id}/heartbeat → { tasks, policy, heartbeatIntervalSeconds } */
    proxyHeartbeat: (proxyId, report) => call("POST", `/api/v1/agent/proxies/${encodeURIComponent(proxyId)}/heartbeat`, report),
    /** GET /api/v1/agent/releases/{version} → the release package's bytes (a Buffer; issue 17) */
    downloadRelease: (version) => call("GET", `/api/v1/agent/releases/${encodeURIComponent(version)}`, undefined, true),
    /** POST /api/v1/agent/data → { received, accepted, refused } (an agent's own records) */
    agentData: (records, { signal } = {}) => call("POST", "/api/v1/agent/data", { records }, false, signal),
    /**
     * POST /api/v1/agent/proxies/{id}/data → { received, accepted, refused, duplicates, ackedSeq } (records of its
     * agents). With `stream`, each record carries its queue `seq` and the console applies each once (issue 15).
     */
    proxyData: (proxyId, records, stream) =>
      call("POST", `/api/v1/agent/proxies/${encodeURIComponent(proxyId)}/data`, stream ? { stream, records } : { records }),
  };
}
