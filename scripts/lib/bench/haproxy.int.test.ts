// Debian's haproxy with the benches' configuration in front of two stand-in instances (plain
// HTTP servers): requests alternate between them, the caller's X-Forwarded-For is replaced by
// its real address, an instance whose health check answers 503 is taken out, and a machine
// without haproxy gets the one line that installs it.
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../simulator/own-console";
import { HAPROXY_MISSING, startHaproxy, type Haproxy } from "./haproxy";

type Instance = { name: string; server: Server; port: number; healthy: boolean };
const instances: Instance[] = [];
let lb: Haproxy | undefined;

async function instance(name: string): Promise<Instance> {
  const self: Instance = { name, server: createServer(), port: 0, healthy: true };
  self.server.on("request", (req, res) => {
    if (req.url === "/api/health") return void res.writeHead(self.healthy ? 200 : 503).end();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ name, forwardedFor: req.headers["x-forwarded-for"] ?? null }));
  });
  await new Promise<void>((resolve) => self.server.listen(0, "127.0.0.1", resolve));
  self.port = (self.server.address() as { port: number }).port;
  instances.push(self);
  return self;
}

afterAll(async () => {
  await lb?.close();
  await Promise.all(instances.map((i) => new Promise((resolve) => i.server.close(resolve))));
});

const hit = async (url: string, headers: Record<string, string> = {}) =>
  (await (await fetch(`${url}/anything`, { headers })).json()) as { name: string; forwardedFor: string };

describe("startHaproxy", () => {
  it("balances over the healthy instances and sets X-Forwarded-For", { timeout: 40_000 }, async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    lb = await startHaproxy({ port: await freePort(), backends: [a, b].map((i) => `127.0.0.1:${i.port}`) });
    expect(await lb.backendsUp()).toBe(2);

    const names = [];
    for (let i = 0; i < 6; i++) names.push((await hit(lb.url)).name);
    expect(new Set(names)).toEqual(new Set(["a", "b"]));
    expect((await hit(lb.url, { "x-forwarded-for": "203.0.113.9" })).forwardedFor).toBe("127.0.0.1");

    b.healthy = false; // out after 3 failed checks 2 s apart
    for (const until = Date.now() + 20_000; (await lb.backendsUp()) > 1 && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await lb.backendsUp()).toBe(1);
    for (let i = 0; i < 4; i++) expect((await hit(lb.url)).name).toBe("a");
  });

  it("without the binary: one line that says how to install it", async () => {
    await expect(startHaproxy({ port: 1, backends: [], searchPath: [] })).rejects.toThrow(HAPROXY_MISSING);
    expect(HAPROXY_MISSING).toBe("haproxy is not installed: run  sudo apt-get install -y haproxy");
  });
});
