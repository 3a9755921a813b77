// A fetch over node:https that trusts only the given CA (issue 17 part 4). globalThis.fetch takes
// no CA of its own without undici, so the agent pins the console CA through this: a proxy
// certificate from any other CA fails the handshake, and the name is checked against the
// cluster's contact address even when the agent connects by IP (AEGIS_PROXY_ENDPOINTS).
// Also the daemons' way to a console behind a private CA (AEGIS_CONSOLE_CA).
import { readFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

/**
 * @param {{ ca: string | Buffer, servername?: string | null, maxSockets?: number }} options
 * `servername`: the name the certificate must carry (the contact address); by default the URL's host.
 * @returns {typeof fetch}
 */
export function createTlsFetch({ ca, servername = null, maxSockets = 8 }) {
  const name = servername ? servername.replace(/^\[(.*)\]$/, "$1") : null;
  const agent = new https.Agent({ keepAlive: true, maxSockets, ca });
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol === "http:") return resolve(globalThis.fetch(url, init));
      const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
      const expected = name ?? host;
      const signal = init.signal;
      if (signal?.aborted) return reject(signal.reason);
      const req = https.request(
        {
          host,
          port: target.port || 443,
          path: target.pathname + target.search,
          method: init.method ?? "GET",
          headers: init.headers,
          agent,
          ca,
          // SNI carries names only; an IP contact address is checked against the certificate's IP SAN.
          servername: net.isIP(expected) ? undefined : expected,
          checkServerIdentity: (_host, cert) => tls.checkServerIdentity(expected, cert),
        },
        (res) => {
          const chunks = [];
          res.on("data", (chunk) => chunks.push(chunk));
          res.on("error", fail);
          res.on("end", () => {
            signal?.removeEventListener("abort", onAbort);
            const body = Buffer.concat(chunks);
            const headers = new Headers();
            for (const [key, value] of Object.entries(res.headers))
              for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(key, String(v));
            const empty = res.statusCode === 204 || res.statusCode === 304 || body.length === 0;
            resolve(new Response(empty ? null : body, { status: res.statusCode, statusText: res.statusMessage, headers }));
          });
        },
      );
      function fail(error) {
        signal?.removeEventListener("abort", onAbort);
        reject(Object.assign(new TypeError("fetch failed"), { cause: error }));
      }
      function onAbort() {
        req.destroy();
        reject(signal.reason);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", fail);
      req.end(init.body ?? undefined);
    });
}

/** A fetch for the console when AEGIS_CONSOLE_CA names a CA file (a console behind a private CA); else null. */
export function consoleFetchFromEnv(env = process.env) {
  const file = env.AEGIS_CONSOLE_CA;
  if (!file) return null;
  return createTlsFetch({ ca: readFileSync(file) });
}
