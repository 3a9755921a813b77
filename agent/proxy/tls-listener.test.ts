// TLS on the agent–proxy hop (issue 17 part 4), with real sockets: an agent pinning the console
// CA connects; one facing a certificate from another CA refuses; a renewal keeps open and
// in-flight connections and new connections get the new certificate; "require TLS" refuses
// plain HTTP from agents.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { loadConsoleCa, makeConsoleCa, type ConsoleCa } from "@/lib/pki/console-ca";
import { issueCertificate } from "@/lib/pki/issue-certificate";
import { createTlsFetch } from "../tls-fetch.mjs";
import { createRelayListener } from "./listener.mjs";
import { certFingerprint, createTlsListener, tlsListenOf, type TlsListener } from "./tls-listener.mjs";

const ADDRESS = "proxy.cluster.test";
const silent = { info() {}, warn() {}, error() {} };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function delivered(ca: ConsoleCa, extra: { port?: number; required?: boolean } = {}) {
  const cert = await issueCertificate(ca, ADDRESS, { validityMs: 86_400_000 });
  return {
    port: extra.port ?? 0,
    required: extra.required ?? false,
    fingerprint: cert.fingerprint,
    certificate: cert.certPem,
    key: cert.keyPem,
    ca: ca.certPem,
  };
}

/** A plain listener and its TLS listener on ephemeral ports; relayed requests wait `delayMs` upstream. */
async function startProxy(delayMs = 0) {
  const dir = mkdtempSync(path.join(tmpdir(), "tls-listener-"));
  let tls: TlsListener | null = null;
  const fetch = async () => {
    await new Promise((r) => setTimeout(r, delayMs));
    return new Response("export {};", { status: 200, headers: { "content-type": "text/javascript" } });
  };
  const listener = createRelayListener({
    listen: [{ host: "127.0.0.1", port: 0 }],
    upstream: () => "http://console.invalid",
    relayHeaders: () => ({}),
    clients: {},
    data: {},
    intervalSeconds: () => 30,
    log: silent,
    fetch,
    tls: () => tls?.status() ?? null,
  });
  const [plain] = await listener.start();
  tls = createTlsListener({
    dir,
    handler: listener.handler,
    plain: [{ host: "127.0.0.1", port: 0 }],
    override: "127.0.0.1:0",
    log: silent,
  });
  cleanups.push(async () => {
    await tls!.close();
    await listener.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const tlsUrl = () => `https://${tls!.addresses[0]}/api/v1/agent-dist/protocol.mjs`;
  return { tls, dir, plainUrl: `http://${plain}/api/v1/agent-dist/protocol.mjs`, tlsUrl };
}

/** One request over a keep-alive agent that pins `ca` for ADDRESS: status, the served fingerprint, reuse. */
function get(url: string, agent: https.Agent, ca: string) {
  return new Promise<{ status: number; fingerprint: string; reused: boolean }>((resolve, reject) => {
    const req = https.get(url, { agent, ca, servername: ADDRESS }, (res) => {
      const socket = res.socket as TLSSocket;
      const fingerprint = certFingerprint(
        `-----BEGIN CERTIFICATE-----\n${socket.getPeerCertificate().raw.toString("base64")}\n-----END CERTIFICATE-----\n`,
      );
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, fingerprint, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

describe("the proxy's TLS listener", () => {
  it("an agent pinning the console CA connects; one facing another CA's certificate refuses", async () => {
    const ca = await loadConsoleCa(await makeConsoleCa());
    const other = await loadConsoleCa(await makeConsoleCa());
    const proxy = await startProxy();
    await proxy.tls.apply(await delivered(ca));
    expect(proxy.tls.report().tlsFingerprint).toMatch(/^[0-9a-f]{64}$/);

    const pinned = createTlsFetch({ ca: ca.certPem, servername: ADDRESS });
    const ok = await pinned(proxy.tlsUrl());
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("export {};");

    const wrongCa = createTlsFetch({ ca: other.certPem, servername: ADDRESS });
    const refused = await wrongCa(proxy.tlsUrl()).catch((e: Error & { cause?: { code?: string } }) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as { cause?: { code?: string } }).cause?.code).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|CERT/);

    // The right CA but another name: the certificate is for the contact address only.
    const wrongName = createTlsFetch({ ca: ca.certPem, servername: "elsewhere.test" });
    const misnamed = await wrongName(proxy.tlsUrl()).catch((e: Error & { cause?: { code?: string } }) => e);
    expect((misnamed as { cause?: { code?: string } }).cause?.code).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("keeps the certificate and key in its state folder (mode 600) and serves them after a restart", async () => {
    const ca = await loadConsoleCa(await makeConsoleCa());
    const proxy = await startProxy();
    const first = await delivered(ca);
    await proxy.tls.apply(first);
    expect(statSync(path.join(proxy.dir, "key.pem")).mode & 0o777).toBe(0o600);
    const again = createTlsListener({
      dir: proxy.dir,
      handler: (_req, res) => res.end("ok"),
      plain: [],
      override: "127.0.0.1:0",
      log: silent,
    });
    cleanups.push(() => again.close());
    await again.restore();
    expect(again.report().tlsFingerprint).toBe(first.fingerprint);
  });

  it("a renewal keeps open keep-alive and in-flight connections; new connections get the new certificate", async () => {
    const ca = await loadConsoleCa(await makeConsoleCa());
    const proxy = await startProxy(400);
    const first = await delivered(ca);
    await proxy.tls.apply(first);
    const kept = new https.Agent({ keepAlive: true, maxSockets: 1 });
    const fresh = new https.Agent({ keepAlive: false });
    cleanups.push(() => {
      kept.destroy();
      fresh.destroy();
    });
    const before = await get(proxy.tlsUrl(), kept, ca.certPem);
    expect(before).toMatchObject({ status: 200, fingerprint: first.fingerprint });

    const inFlight = get(proxy.tlsUrl(), kept, ca.certPem); // the upstream answers after 400 ms
    await new Promise((r) => setTimeout(r, 100));
    const second = await delivered(ca);
    await proxy.tls.apply(second);
    expect(proxy.tls.report().tlsFingerprint).toBe(second.fingerprint);

    // The in-flight request finishes on its connection, with the certificate it began with.
    expect(await inFlight).toEqual({ status: 200, fingerprint: first.fingerprint, reused: true });
    // The kept-alive connection goes on after the swap.
    expect(await get(proxy.tlsUrl(), kept, ca.certPem)).toEqual({ status: 200, fingerprint: first.fingerprint, reused: true });
    // A new connection gets the new certificate.
    expect(await get(proxy.tlsUrl(), fresh, ca.certPem)).toMatchObject({
      status: 200,
      fingerprint: second.fingerprint,
      reused: false,
    });
  });

  it('"require TLS" refuses plain HTTP from agents with 426 and where to go; TLS still serves', async () => {
    const ca = await loadConsoleCa(await makeConsoleCa());
    const proxy = await startProxy();
    await proxy.tls.apply(await delivered(ca));
    expect((await fetch(proxy.plainUrl)).status).toBe(200);

    await proxy.tls.apply({ ...(await delivered(ca)), required: true });
    const refused = await fetch(proxy.plainUrl);
    expect(refused.status).toBe(426);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    const port = Number(proxy.tls.addresses[0]!.split(":")[1]);
    expect(body.error).toEqual({
      code: "TLS_REQUIRED",
      message: `This cluster requires TLS: connect with https on port ${port}.`,
      details: { port },
    });
    // Other paths are still the proxy's 404.
    expect((await fetch(proxy.plainUrl.replace(/\/api\/.*/, "/api/v1/clusters"))).status).toBe(404);
    const pinned = createTlsFetch({ ca: ca.certPem, servername: ADDRESS });
    expect((await pinned(proxy.tlsUrl())).status).toBe(200);
  });

  it("serves TLS on the plain listener's hosts at the cluster's port unless told otherwise", () => {
    const plain = [
      { host: "10.0.0.5", port: 8080 },
      { host: "10.0.0.5", port: 8081 },
      { host: "::1", port: 8080 },
    ];
    expect(tlsListenOf(null, plain, 443)).toEqual([
      { host: "10.0.0.5", port: 443 },
      { host: "::1", port: 443 },
    ]);
    expect(tlsListenOf("127.0.0.1:8443", plain, 443)).toEqual([{ host: "127.0.0.1", port: 8443 }]);
    expect(tlsListenOf("off", plain, 443)).toEqual([]);
  });
});
