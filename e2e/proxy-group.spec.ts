// A proxy group that stays up when a proxy fails (issue 16): a domain cluster with a minimum of
// three online proxies, three real proxy daemons (the manual deploy command's pac-agent.mjs) on
// 127.0.0.2, .3 and .4 at the console's PROXY_PORT (.5-.7 for the Japanese run), and real agents installed with the cluster's install command
// through them. Killing one proxy: its agents fail over to the others, and the cluster shows
// degraded. Restarting it: a rebalance sends agents back to it, and the cluster shows online.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { runCommand } from "./install-script";
import { OperatorApi } from "./operator-api";

const AGENTS = 9;

type Client = { hostname: string; agentStatus: string; viaProxyId: string | null };
type ProxyRow = { id: string; status: string; asset: { hostname: string } };
type ClusterRow = { id: string; status: string; onlineProxies: number; minOnlineProxies: number };

test("a proxy group fails over and rebalances when a proxy dies and comes back", async ({
  page,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
  playwright,
}) => {
  test.setTimeout(360_000);
  // The three proxies listen on the console's PROXY_PORT, as its commands say. The two languages
  // run side by side, so the Japanese run takes the next three loopback addresses.
  const port = Number(process.env.E2E_PROXY_PORT!);
  const HOSTS = (lang === "ja" ? [5, 6, 7] : [2, 3, 4]).map((n) => `127.0.0.${n}`);
  const operator = await OperatorApi.open(playwright, baseURL!);
  // A retry must not meet the proxies of the attempt before it: the same hostname with the same
  // address is the same server, and that one is already a proxy of the earlier cluster.
  const tag = Date.now().toString(36);
  const address = `group-${lang}-${tag}.e2e.internal`;
  const proxyName = (i: number) => `e2e-group-proxy-${lang}-${tag}-${i + 1}`;
  const cluster = await api.create({ region: "intl", name: uniqueName("group"), address });
  await operator.call("PATCH", `/api/v1/clusters/${cluster.id}`, { minOnlineProxies: 3 });
  const roots: string[] = [];
  const proxyRoots = HOSTS.map(() => mkdtempSync(path.join(tmpdir(), "pac-e2e-group-proxy-")));
  roots.push(...proxyRoots);
  const proxyEnv = (i: number) => ({
    AEGIS_ROOT: proxyRoots[i]!,
    AEGIS_NO_SYSTEMD: "1",
    AEGIS_HOSTNAME: proxyName(i),
    AEGIS_IPS: HOSTS[i]!,
    AEGIS_PROXY_LISTEN: `${HOSTS[i]}:${port}`,
  });
  const pidOf = (i: number) => Number(readFileSync(path.join(proxyRoots[i]!, "proxy.pid"), "utf8"));
  const agentPids: string[] = [];
  const restartedPids: number[] = [];
  const proxies = async () => (await operator.call<{ items: ProxyRow[] }>("GET", `/api/v1/clusters/${cluster.id}/proxies`)).items;
  const clients = async () => (await operator.call<{ items: Client[] }>("GET", `/api/v1/clusters/${cluster.id}/clients`)).items;
  const clusterRow = () => operator.call<ClusterRow>("GET", `/api/v1/clusters/${cluster.id}`);
  const heldBy = async (proxyId: string) => (await clients()).filter((c) => c.viaProxyId === proxyId).length;
  const run = runCommand;

  try {
    await test.step("three proxies deployed with manual deploy commands listen on 127.0.0.2-4", async () => {
      for (let i = 0; i < HOSTS.length; i++) {
        const result = await run(await operator.manualDeployCommand(cluster.id), proxyEnv(i));
        expect(result.code, result.output).toBe(0);
      }
      await expect
        .poll(async () => (await proxies()).map((p) => p.status).join(","), { timeout: 60_000 })
        .toBe("online,online,online");
      await expect.poll(async () => (await clusterRow()).status).toBe("online");
    });

    const byHost = new Map<string, string>();
    await test.step(`${AGENTS} servers install with the cluster's command, through the proxies`, async () => {
      for (const p of await proxies()) byHost.set(p.asset.hostname, p.id);
      const { command } = await operator.createInstallCommand({ clusterId: cluster.id });
      // The contact address resolves to the three proxies; here the command is run through the first.
      const through = command.replace(`http://${address}:`, `http://${HOSTS[0]}:`);
      expect(through).toContain(`http://${HOSTS[0]}:${port}/api/v1/install/`);
      const results = await Promise.all(
        Array.from({ length: AGENTS }, (_, n) => {
          const root = mkdtempSync(path.join(tmpdir(), "pac-e2e-group-agent-"));
          roots.push(root);
          agentPids.push(path.join(root, "agent.pid"));
          return run(through, {
            AEGIS_ROOT: root,
            AEGIS_NO_SYSTEMD: "1",
            AEGIS_HOSTNAME: `e2e-group-${lang}-${tag}-${n + 1}`,
            AEGIS_IPS: `10.232.${lang === "ja" ? 2 : 1}.${n + 1}`,
            AEGIS_PROXY_ENDPOINTS: HOSTS.map((h) => `${h}:${port}`).join(","),
            AEGIS_DATA: "0",
          });
        }),
      );
      for (const r of results) expect(r.code, r.output).toBe(0);
      await expect
        .poll(async () => (await clients()).filter((c) => c.viaProxyId && c.agentStatus === "online").length, {
          timeout: 90_000,
        })
        .toBe(AGENTS);
    });

    const first = () => byHost.get(proxyName(0))!;
    await test.step("a killed proxy's agents fail over; the cluster shows degraded (2 of 3, minimum 3)", async () => {
      // Make sure the first proxy holds agents before it dies.
      await expect.poll(() => heldBy(first()), { timeout: 60_000 }).toBeGreaterThan(0);
      process.kill(pidOf(0), "SIGKILL");
      await expect.poll(async () => (await clusterRow()).status, { timeout: 30_000 }).toBe("degraded");
      await expect
        .poll(async () => (await clients()).filter((c) => c.viaProxyId && c.viaProxyId !== first()).length, {
          timeout: 90_000,
        })
        .toBe(AGENTS);
      expect((await clients()).every((c) => c.agentStatus === "online")).toBe(true);
      await page.goto(`/intl/clusters/${cluster.id}`);
      await expect(page.getByText(t("clusters.status.degraded")).first()).toBeVisible();
      await snap("degraded");
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      await expect(page.getByText(proxyName(0)).first()).toBeVisible();
      await snap("failed-over");
    });

    await test.step("restarted, it gets agents back in a rebalance; the cluster shows online", async () => {
      const restarted = spawn(
        process.execPath,
        [path.join(proxyRoots[0]!, "bin", "pac-agent.mjs"), "proxy", "--config", path.join(proxyRoots[0]!, "config.json")],
        { env: { ...process.env, ...proxyEnv(0) }, detached: true, stdio: "ignore" },
      );
      restarted.unref();
      restartedPids.push(restarted.pid!);
      await expect.poll(async () => (await clusterRow()).status, { timeout: 30_000 }).toBe("online");
      await expect.poll(() => heldBy(first()), { timeout: 90_000 }).toBeGreaterThan(0);
      // The rebalance that sends agents back is audited. Its reason is "proxy_joined" when the
      // returned proxy held nothing at planning time, "spread" when an agent's own failover had
      // already brought one back (a transient error under load moves an agent round-robin).
      const rebalancedToFirst = async () => {
        const { items } = await operator.call<{
          items: { action: string; details: { reason: string; moves: { to: string }[] } }[];
        }>("GET", `/api/v1/audit-events?action=cluster.rebalance&targetId=${cluster.id}`);
        return items.some(
          (e) => ["proxy_joined", "spread"].includes(e.details.reason) && e.details.moves.some((m) => m.to === first()),
        );
      };
      await expect.poll(rebalancedToFirst, { timeout: 90_000 }).toBe(true);
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      await expect(page.getByText(proxyName(0)).first()).toBeVisible();
      await snap("rebalanced");
    });
  } finally {
    for (const file of agentPids)
      try {
        process.kill(Number(readFileSync(file, "utf8")), "SIGKILL");
      } catch {
        // not started, or gone
      }
    for (const pid of [
      ...HOSTS.map((_, i) =>
        (() => {
          try {
            return pidOf(i);
          } catch {
            return 0;
          }
        })(),
      ),
      ...restartedPids,
    ])
      try {
        if (pid > 0) process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    if (!process.env.E2E_KEEP) for (const dir of roots) rmSync(dir, { recursive: true, force: true });
    await operator.dispose();
  }
});
