// The journey that proves the product (SPEC §8): a client server in an isolated network (a network
// namespace that reaches only the host end of a veth pair) is brought under protection through a
// proxy server. The console listens on 127.0.0.1 only (HOST), so the server cannot reach it at all.
// The proxy is deployed with the manual command copied from the UI, the server installed with the
// cluster's install command copied from the UI and run inside the namespace; it shows connected and
// online through the proxy, its traffic reaches the chart; cache mode fills export.log up to a low
// cap and rotates; a low bandwidth limit holds the upstream rate; a killed proxy shows "proxy
// offline" and a restarted one brings the server back. Needs root and `ip netns`.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInstallCommandInUi, expect, test } from "./fixtures";
import { createNamespace, netnsUnavailable, type Namespace } from "./netns";
import { OperatorApi } from "./operator-api";

const CACHE_CAP = 64 * 1024;

test("an isolated server is protected through the proxy, and the policy acts on its traffic", async ({
  page,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
  playwright,
}) => {
  test.setTimeout(300_000);
  const unavailable = netnsUnavailable();
  expect(unavailable, unavailable ?? "").toBeNull();
  const proxyPort = process.env.E2E_PROXY_PORT!;
  const operator = await OperatorApi.open(playwright, baseURL!);
  const ns: Namespace = createNamespace(`pac${lang}${process.pid % 10000}`, lang === "en" ? 41 : 42);
  const proxyRoot = mkdtempSync(path.join(tmpdir(), "pac-e2e-netns-proxy-"));
  const agentRoot = mkdtempSync(path.join(tmpdir(), "pac-e2e-netns-agent-"));
  const cacheDir = mkdtempSync(path.join(tmpdir(), "pac-e2e-netns-cache-"));
  const proxyEnv = {
    AEGIS_ROOT: proxyRoot,
    AEGIS_NO_SYSTEMD: "1",
    AEGIS_HOSTNAME: `e2e-dc-proxy-${lang}`,
    AEGIS_IPS: ns.hostAddress,
    AEGIS_PROXY_LISTEN: `${ns.hostAddress}:${proxyPort}`,
    AEGIS_PROXY_CACHE_MAX_BYTES: String(CACHE_CAP),
  };
  const hostname = `e2e-dc-client-${lang}-${Date.now().toString(36)}`;
  const cluster = await api.create({ region: "intl", name: uniqueName("isolated"), address: ns.hostAddress });
  const proxyPid = () => Number(readFileSync(path.join(proxyRoot, "proxy.pid"), "utf8"));
  const proxies = () =>
    operator.call<{ items: { id: string; status: string; bytesRelayed: number; queuedBytes: number }[] }>(
      "GET",
      `/api/v1/clusters/${cluster.id}/proxies`,
    );
  const client = async () =>
    (
      await operator.call<{ items: { hostname: string; agentStatus: string; viaProxyId: string | null }[] }>(
        "GET",
        `/api/v1/clusters/${cluster.id}/clients`,
      )
    ).items.find((c) => c.hostname === hostname);
  /** Records posted from inside the namespace to the proxy, as the agent sends them. */
  const sendFromServer = (count: number) => {
    const { credential } = JSON.parse(readFileSync(path.join(agentRoot, "config.json"), "utf8")) as { credential: string };
    const records = Array.from({ length: count }, (_, i) => ({
      type: "process_logs",
      at: new Date().toISOString(),
      data: { pid: i, comm: "x".repeat(120) },
    }));
    const body = JSON.stringify({ records });
    const sent = ns.run(
      `curl -fsS -m 10 -H "authorization: Bearer ${credential}" -H "content-type: application/json" --data-binary @- http://${ns.hostAddress}:${proxyPort}/api/v1/agent/data <<'JSON'\n${body}\nJSON`,
    );
    expect(sent.status, sent.output).toBe(0);
  };

  try {
    await test.step("from inside the isolated network the console cannot be reached", async () => {
      const port = new URL(baseURL!).port;
      expect(ns.run(`curl -sS -m 3 http://${ns.hostAddress}:${port}/api/health`).status).not.toBe(0);
      expect(ns.run(`curl -sS -m 3 http://127.0.0.1:${port}/api/health`).status).not.toBe(0);
    });

    await test.step("the proxy is deployed with the manual command copied from the UI", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies/deploy?mode=manual`);
      await page.getByRole("button", { name: t("deployProxy.generate") }).click();
      const block = page.getByRole("group", { name: t("deployProxy.commandLabel") }).locator("code");
      await expect(block).toContainText("/api/v1/deploy/");
      const command = (await block.textContent())!.trim();
      const run = spawn("bash", ["-c", command.replace(/\| sudo bash$/, "| bash")], { env: { ...process.env, ...proxyEnv } });
      const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
      expect(code).toBe(0);
      await expect.poll(async () => (await proxies()).items[0]?.status, { timeout: 30_000 }).toBe("online");
      // Only the agent routes exist on the proxy.
      const other = ns.run(
        `curl -s -o /dev/null -w '%{http_code}' -m 3 http://${ns.hostAddress}:${proxyPort}/api/v1/clusters?region=intl`,
      );
      expect(other.output.trim()).toBe("404");
    });

    await test.step("the cluster's install command, copied from the UI, runs inside the isolated network", async () => {
      const result = await createInstallCommandInUi(page, t, cluster.id);
      const command = (await result.getByTestId("install-command").textContent())!.trim();
      expect(command.startsWith(`curl -fsSL http://${ns.hostAddress}:${proxyPort}/api/v1/install/`)).toBe(true);
      await snap("install-command");
      await result.getByRole("button", { name: t("installCommands.result.done") }).click();
      const run = ns.run(command.replace(/\| sudo bash$/, "| bash"), {
        AEGIS_ROOT: agentRoot,
        AEGIS_NO_SYSTEMD: "1",
        AEGIS_HOSTNAME: hostname,
        AEGIS_IPS: "10.231.99.2",
        AEGIS_DATA_INTERVAL_SECONDS: "1",
      });
      expect(run.status, run.output).toBe(0);
    });

    await test.step("the server shows connected and online through the proxy, and its traffic reaches the chart", async () => {
      const proxyId = (await proxies()).items[0]!.id;
      // Heard through the proxy only: it vouches for the server, which is online as long as it is.
      await expect.poll(async () => (await client())?.viaProxyId, { timeout: 60_000 }).toBe(proxyId);
      expect((await client())?.agentStatus).toBe("online");
      sendFromServer(100);
      await expect
        .poll(
          async () => (await operator.call<{ points: unknown[] }>("GET", `/api/v1/clusters/${cluster.id}/traffic`)).points.length,
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
      await page.goto(`/intl/clusters/${cluster.id}/clients`);
      await expect(page.getByRole("row").filter({ hasText: hostname })).toBeVisible();
      await snap("connected");
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      // The server's own traffic is on the chart, as the operator sees it.
      await expect(page.getByTestId("traffic-chart")).toBeVisible({ timeout: 20_000 });
      await snap("traffic");
    });

    await test.step("a low bandwidth limit holds the upstream rate at or under it", async () => {
      await operator.call("PUT", `/api/v1/clusters/${cluster.id}/policy`, {
        mode: "backflow",
        bandwidthKbps: 24,
        frequencyPerMin: null,
      });
      await expect
        .poll(async () => (await operator.call<{ version: number }>("GET", `/api/v1/clusters/${cluster.id}/policy`)).version)
        .toBe(2);
      await page.waitForTimeout(3_000); // the proxy takes the policy with its next heartbeat
      for (let i = 0; i < 4; i++) sendFromServer(150);
      const first = (await proxies()).items[0]!;
      const t0 = Date.now();
      await page.waitForTimeout(10_000);
      const last = (await proxies()).items[0]!;
      const seconds = (Date.now() - t0) / 1000;
      const rate = (last.bytesRelayed - first.bytesRelayed) / seconds;
      expect(last.bytesRelayed).toBeGreaterThan(first.bytesRelayed);
      // 24 Kbit/s is 3,000 bytes/s; the reports lag a heartbeat, and a second of burst is allowed.
      expect(rate).toBeLessThanOrEqual(3000 + 3000 * (4 / seconds));
      expect(last.queuedBytes).toBeGreaterThan(0);
    });

    await test.step("cache mode fills export.log up to a low cap and rotates; nothing more goes upstream", async () => {
      await operator.call("PUT", `/api/v1/clusters/${cluster.id}/policy`, {
        mode: "cache",
        cacheDir,
        cacheMaxBytes: 1024 ** 3,
        dataTypes: ["process_logs"],
      });
      await expect
        .poll(
          async () => {
            sendFromServer(200);
            return readdirSync(cacheDir).includes("export.log.1");
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      for (let i = 0; i < 5; i++) sendFromServer(200);
      const total = readdirSync(cacheDir).reduce((sum, f) => sum + statSync(path.join(cacheDir, f)).size, 0);
      expect(total).toBeLessThanOrEqual(CACHE_CAP);
    });

    await test.step("killing the proxy shows 'proxy offline'; restarting it brings the server back", async () => {
      process.kill(proxyPid(), "SIGKILL");
      await expect.poll(async () => (await client())?.agentStatus, { timeout: 30_000 }).toBe("proxy_offline");
      await page.goto(`/intl/clusters/${cluster.id}/clients`);
      await snap("proxy-offline");
      const restarted = spawn(
        process.execPath,
        [path.join(proxyRoot, "bin", "pac-agent.mjs"), "proxy", "--config", path.join(proxyRoot, "config.json")],
        {
          env: { ...process.env, ...proxyEnv },
          detached: true,
          stdio: "ignore",
        },
      );
      restarted.unref();
      try {
        await expect.poll(async () => (await client())?.agentStatus, { timeout: 60_000 }).toBe("online");
      } finally {
        restarted.kill("SIGKILL");
      }
    });
  } finally {
    try {
      process.kill(proxyPid(), "SIGKILL");
    } catch {
      // already gone
    }
    ns.remove();
    for (const dir of [proxyRoot, agentRoot, cacheDir]) rmSync(dir, { recursive: true, force: true });
    await operator.dispose();
  }
});
