// Issue 15, point 2, run for real: every instance of the console stopped for longer than a gap
// (npm start on the production build, stopped with SIGTERM and started again); on its return the
// proxy last heard just before the outage still shows online, for the threshold of heard time,
// and then offline (OFFLINE_AFTER_SECONDS is 2 in the test run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/port";
import { GAP_SECONDS } from "@/lib/liveness/clock";
import { apiToken, insertProxy, makeCluster } from "@/lib/testing/fixtures";
import { ensureProductionBuild } from "./testing/production-build";
import { runScript, stopChild, type Child } from "./testing/start-sequence";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a console outage does not turn the fleet offline", () => {
  const children: Child[] = [];
  let token: string;

  beforeAll(async () => {
    await ensureProductionBuild();
    token = await apiToken("viewer");
  }, 900_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => stopChild(child, "SIGKILL")));
  });

  async function startConsole(port: number) {
    const child = runScript("scripts/start.ts", {
      DATABASE_URL: process.env.DATABASE_URL!,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
    });
    children.push(child);
    for (const until = Date.now() + 240_000; ; await sleep(300)) {
      if (child.process.exitCode !== null) throw new Error(`the console exited:\n${child.text()}`);
      if (
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return child;
      if (Date.now() > until) throw new Error(`the console was not healthy in time:\n${child.text()}`);
    }
  }

  it("the proxy heard just before the outage is online on return, then offline", { timeout: 600_000 }, async () => {
    const port = await freePort();
    const cluster = await makeCluster();
    const proxy = await insertProxy(cluster.id, { lastHeartbeatAt: null });
    const status = async () => {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/clusters/${cluster.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await r.json()) as { status: string }).status;
    };
    const first = await startConsole(port);
    await db().proxyServer.update({ where: { id: proxy.id }, data: { lastHeartbeatAt: new Date() } });
    expect(await status()).toBe("online");
    expect(await stopChild(first, "SIGTERM")).toBe(0);
    // The proxy was heard as long as the console listened: last at the console's last tick.
    const [clock] = await db().livenessClock.findMany();
    await db().proxyServer.update({ where: { id: proxy.id }, data: { lastHeartbeatAt: clock!.lastTickAt } });
    const heardAt = clock!.lastTickAt.getTime();
    await sleep((GAP_SECONDS + 3) * 1000);
    await startConsole(port);
    expect(Date.now() - heardAt).toBeGreaterThan(GAP_SECONDS * 1000); // far past the threshold of 2 s
    expect(await status()).toBe("online");
    await sleep(2_500);
    expect(await status()).toBe("offline");
  });
});
