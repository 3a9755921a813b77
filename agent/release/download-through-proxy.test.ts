// Issue 17: an agent that reports through its cluster's proxy downloads a release through it.
// A real relay listener forwards GET /api/v1/agent/releases/{version} with the agent's own
// credential and hands back the package byte for byte; the protocol client reads it as bytes.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterEach, expect, it } from "vitest";
import { silentLogger } from "../log.mjs";
import { createProtocolClient } from "../protocol.mjs";
import { createRelayListener } from "../proxy/listener.mjs";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

it("a release package comes through the proxy's relay intact, with the agent's credential", async () => {
  const pkg = randomBytes(300_000);
  const seen: { url?: string; auth?: string; relay?: string }[] = [];
  const upstream = http.createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization, relay: req.headers["x-aegis-relay-proxy"] as string });
    if (req.url !== "/api/v1/agent/releases/2.0.0") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/gzip" });
    res.end(pkg);
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  cleanup.push(() => upstream.close());
  const consoleUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;

  const listener = createRelayListener({
    listen: [{ host: "127.0.0.1", port: 0 }],
    upstream: () => consoleUrl,
    relayHeaders: () => ({ "x-aegis-relay-proxy": "proxy-1" }),
    clients: null as never,
    data: null as never,
    intervalSeconds: () => 30,
    log: silentLogger,
  });
  const [address] = await listener.start();
  cleanup.push(() => listener.close());

  const client = createProtocolClient({ url: `http://${address}`, credential: "pag_agent_credential_1234", maxAttempts: 1 });
  const bytes = await client.downloadRelease("2.0.0");
  expect(Buffer.compare(bytes, pkg)).toBe(0);
  expect(seen[0]).toEqual({ url: "/api/v1/agent/releases/2.0.0", auth: "Bearer pag_agent_credential_1234", relay: "proxy-1" });
  await expect(client.downloadRelease("9.9.9")).rejects.toMatchObject({ status: 404 });
});
