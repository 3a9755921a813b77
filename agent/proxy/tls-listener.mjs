// The proxy's TLS listener for agents (issue 17 part 4): the same routes as the plain listener
// (its handler), served with the cluster certificate the console delivers in heartbeat answers.
// The certificate and key are kept in the state folder (mode 600), so a restarted proxy serves
// TLS before the console answers. A renewal swaps the secure context: open connections go on
// with the old certificate, new ones get the new one. The port is the cluster's (443 by default)
// on the hosts of AEGIS_PROXY_LISTEN, or AEGIS_PROXY_TLS_LISTEN (host:port list; "off": none).
import { X509Certificate, createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import https from "node:https";
import path from "node:path";
import { parseListen } from "./listener.mjs";

export function certFingerprint(pem) {
  return createHash("sha256").update(new X509Certificate(pem).raw).digest("hex");
}

/** Where to serve TLS: AEGIS_PROXY_TLS_LISTEN, else each host of the plain listener at `port`. */
export function tlsListenOf(override, plain, port) {
  if (override === "off") return [];
  if (override) return parseListen(override, "AEGIS_PROXY_TLS_LISTEN");
  const hosts = [...new Set(plain.map((a) => a.host))];
  return hosts.map((host) => ({ host, port }));
}

function writePrivate(file, text) {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

function readSaved(dir) {
  try {
    const settings = JSON.parse(readFileSync(path.join(dir, "tls.json"), "utf8"));
    const cert = readFileSync(path.join(dir, "cert.pem"), "utf8");
    const key = readFileSync(path.join(dir, "key.pem"), "utf8");
    return { cert, key, port: Number(settings.port), required: settings.required === true };
  } catch {
    return null;
  }
}

/**
 * @param {{ dir: string, handler: import("node:http").RequestListener, plain: { host: string, port: number }[],
 *           override?: string | null, log: object }} o
 */
export function createTlsListener(o) {
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  let state = null; // { cert, key, port, required, fingerprint }
  let servers = [];
  let addresses = [];
  let listenedPort = null;

  async function listen(port) {
    await closeServers();
    const started = [];
    for (const { host, port: p } of tlsListenOf(o.override ?? null, o.plain, port)) {
      const server = https.createServer({ cert: state.cert, key: state.key, minVersion: "TLSv1.2" }, o.handler);
      server.keepAliveTimeout = 65_000;
      try {
        await new Promise((resolve, reject) => {
          server.once("error", reject);
          server.listen(p, host, resolve);
        });
        started.push(server);
      } catch (e) {
        o.log.error(`cannot serve TLS on ${host}:${p}: ${e.code ?? e.message}; set AEGIS_PROXY_TLS_LISTEN to a free host:port`);
      }
    }
    servers = started;
    listenedPort = port;
    addresses = servers.map((s) => {
      const a = s.address();
      return a.family === "IPv6" ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
    });
    if (addresses.length) o.log.info("proxy serving agents over TLS", { listen: addresses, fingerprint: state.fingerprint });
  }

  async function closeServers() {
    // close() stops accepting; connections already open finish their requests.
    const old = servers;
    servers = [];
    addresses = [];
    await Promise.all(old.map((s) => new Promise((r) => s.close(() => r()) && s.closeIdleConnections?.())));
  }

  return {
    /** Serves what the state folder kept from the last run, if anything. */
    async restore() {
      const saved = readSaved(o.dir);
      if (!saved) return;
      try {
        state = { ...saved, fingerprint: certFingerprint(saved.cert) };
      } catch {
        return;
      }
      await listen(state.port);
    },
    /** Applies a heartbeat answer's `tls` (the console's view); no-op when nothing changed. */
    async apply(tls) {
      if (!tls) return;
      const fresh = tls.certificate && tls.key && tls.fingerprint !== state?.fingerprint;
      if (!state && !fresh) return;
      const next = fresh
        ? { cert: tls.certificate, key: tls.key, fingerprint: certFingerprint(tls.certificate) }
        : { cert: state.cert, key: state.key, fingerprint: state.fingerprint };
      const settingsChanged = !state || state.port !== tls.port || state.required !== tls.required;
      state = { ...next, port: tls.port, required: tls.required };
      if (fresh) {
        writePrivate(path.join(o.dir, "key.pem"), state.key);
        writePrivate(path.join(o.dir, "cert.pem"), state.cert);
        if (tls.ca) writePrivate(path.join(o.dir, "ca.pem"), tls.ca);
      }
      if (settingsChanged) writePrivate(path.join(o.dir, "tls.json"), JSON.stringify({ port: tls.port, required: tls.required }));
      if (servers.length === 0 || listenedPort !== state.port) return listen(state.port);
      if (fresh) {
        for (const server of servers) server.setSecureContext({ cert: state.cert, key: state.key, minVersion: "TLSv1.2" });
        o.log.info("cluster certificate renewed", { fingerprint: state.fingerprint, notAfter: tls.notAfter });
      }
    },
    /** What the heartbeat reports: the fingerprint served (null while not serving) and where. */
    report() {
      return servers.length ? { tlsFingerprint: state.fingerprint, tlsListen: addresses } : { tlsFingerprint: null };
    },
    /** For the plain listener: refuse agents when required, and tell agents where TLS is. */
    status() {
      if (!state) return null;
      const port = servers.length ? servers[0].address().port : state.port;
      return servers.length || state.required ? { port, required: state.required, serving: servers.length > 0 } : null;
    },
    get addresses() {
      return [...addresses];
    },
    close: closeServers,
  };
}
