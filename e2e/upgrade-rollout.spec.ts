// Real, signed releases and a rolling upgrade (issue 17). A domain cluster with a minimum of two
// serving proxies, three real proxy daemons deployed with the manual deploy command (on 127.0.0.8,
// .9 and .10 at the console's PROXY_PORT) and real agents installed through them. A release is
// published with the admin command; "Upgrade all" in the browser upgrades the proxies one at a
// time: their files on disk change, the cluster never has fewer than two serving, and no agent
// ever goes offline (each restart is one failover for its agents). Then a release with one byte
// changed is refused by the daemon and never installed.
//
// Publishing changes the console's latest release for every spec, so this one runs in a project
// of its own after the others (playwright.config.ts), once, and looks at the Japanese page in a
// second browser context.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { defaultDatabaseUrl } from "../lib/db/url";
import { storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { runCommand } from "./install-script";
import { OperatorApi } from "./operator-api";

const AGENTS = 6;
const HOSTS = [8, 9, 10].map((n) => `127.0.0.${n}`);

type Client = { hostname: string; agentStatus: string; viaProxyId: string | null };
type ProxyRow = {
  id: string;
  status: string;
  version: string | null;
  asset: { hostname: string };
  lastUpgradeFailure: { version: string; outcome: string; reason: string } | null;
};
type Rollout = { id: string; status: string; targetVersion: string; counts: { done: number; failed: number; total: number } };

/** The admin command against the e2e console's own database and DATA_DIR (its signing key). */
function publishRelease(version: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: process.env.E2E_DATA_DIR!,
    EMBEDDED_PG_PORT: process.env.E2E_PG_PORT!,
  };
  delete env.DATABASE_URL;
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/admin.ts", "publish-release", "--version", version], {
    env,
    encoding: "utf8",
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

/** Changes one byte of a published release's package, as a tampered mirror or disk would. */
async function tamperRelease(version: string) {
  const client = new pg.Client({
    connectionString: defaultDatabaseUrl(path.resolve(process.env.E2E_DATA_DIR!), Number(process.env.E2E_PG_PORT)),
  });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      "UPDATE proxy_release SET package = set_byte(package, 200, get_byte(package, 200) # 1) WHERE version = $1",
      [version],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

test("a published release rolls out one proxy at a time, never below the minimum; a tampered one is refused", async ({
  page,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
  browser,
  playwright,
}) => {
  test.setTimeout(480_000);
  const port = Number(process.env.E2E_PROXY_PORT!);
  const operator = await OperatorApi.open(playwright, baseURL!);
  const tag = Date.now().toString(36);
  const address = `rollout-${tag}.e2e.internal`;
  const cluster = await api.create({ region: "intl", name: uniqueName("rollout"), address });
  await operator.call("PATCH", `/api/v1/clusters/${cluster.id}`, { minOnlineProxies: 2 });
  const roots: string[] = [];
  const proxyRoots = HOSTS.map(() => mkdtempSync(path.join(tmpdir(), "pac-e2e-rollout-proxy-")));
  const agentRoots: string[] = [];
  roots.push(...proxyRoots);
  const proxyName = (i: number) => `e2e-rollout-proxy-${tag}-${i + 1}`;
  const proxies = async () => (await operator.call<{ items: ProxyRow[] }>("GET", `/api/v1/clusters/${cluster.id}/proxies`)).items;
  const clients = async () => (await operator.call<{ items: Client[] }>("GET", `/api/v1/clusters/${cluster.id}/clients`)).items;
  const run = runCommand;
  const current = (root: string) =>
    JSON.parse(readFileSync(path.join(root, "current.json"), "utf8")) as { version: string; dir: string };

  try {
    await test.step("three proxies deployed with the manual deploy command, agents installed through them", async () => {
      for (let i = 0; i < HOSTS.length; i++) {
        const result = await run(await operator.manualDeployCommand(cluster.id), {
          AEGIS_ROOT: proxyRoots[i]!,
          AEGIS_NO_SYSTEMD: "1",
          AEGIS_HOSTNAME: proxyName(i),
          AEGIS_IPS: HOSTS[i]!,
          AEGIS_PROXY_LISTEN: `${HOSTS[i]}:${port}`,
          AEGIS_UPGRADE_HEALTH_SECONDS: "30",
        });
        expect(result.code, result.output).toBe(0);
      }
      await expect
        .poll(async () => (await proxies()).map((p) => p.status).join(","), { timeout: 60_000 })
        .toBe("online,online,online");
      const { command } = await operator.createInstallCommand({ clusterId: cluster.id });
      const through = command.replace(`http://${address}:`, `http://${HOSTS[0]}:`);
      const results = await Promise.all(
        Array.from({ length: AGENTS }, (_, n) => {
          const root = mkdtempSync(path.join(tmpdir(), "pac-e2e-rollout-agent-"));
          roots.push(root);
          agentRoots.push(root);
          return run(through, {
            AEGIS_ROOT: root,
            AEGIS_NO_SYSTEMD: "1",
            AEGIS_HOSTNAME: `e2e-rollout-${tag}-${n + 1}`,
            AEGIS_IPS: `10.233.1.${n + 1}`,
            AEGIS_PROXY_ENDPOINTS: HOSTS.map((h) => `${h}:${port}`).join(","),
            AEGIS_DATA: "0",
          });
        }),
      );
      for (const r of results) expect(r.code, r.output).toBe(0);
      await expect
        .poll(async () => (await clients()).filter((c) => c.viaProxyId && c.agentStatus === "online").length, { timeout: 90_000 })
        .toBe(AGENTS);
    });

    const version = `3.${Math.floor(Date.now() / 1000) % 100_000}.0`;
    const before = (await proxies()).map((p) => p.version);
    await test.step(`publish ${version} with npm run admin -- publish-release`, async () => {
      publishRelease(version);
      const releases = await operator.call<{ items: { version: string; latest: boolean; digest: string }[] }>(
        "GET",
        "/api/v1/proxy-releases",
      );
      expect(releases.items[0]).toMatchObject({ version, latest: true });
      expect(releases.items[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    });

    // An agent whose proxy restarts shows "proxy offline" until its failover reaches another
    // proxy (a heartbeat interval at most); "offline" would mean its heartbeats stopped.
    const samples = { minServing: Infinity, offlineClients: 0, proxyOfflineClients: 0, failovers: 0, taken: 0 };
    const rolloutStarted = new Date();
    let sampling = true;
    const lastVia = new Map<string, string | null>();
    const sampler = (async () => {
      while (sampling) {
        const [ps, cs] = await Promise.all([proxies(), clients()]);
        const serving = ps.filter((p) => p.status === "online" || p.status === "upgrading").length;
        samples.minServing = Math.min(samples.minServing, serving);
        samples.offlineClients += cs.filter((c) => c.agentStatus === "offline").length;
        samples.proxyOfflineClients += cs.filter((c) => c.agentStatus === "proxy_offline").length;
        for (const c of cs) {
          if (lastVia.has(c.hostname) && lastVia.get(c.hostname) !== c.viaProxyId) samples.failovers++;
          lastVia.set(c.hostname, c.viaProxyId);
        }
        samples.taken++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    let rollout: Rollout | undefined;
    await test.step("Upgrade all: the plan, one at a time, then the progress panel", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      await page.getByRole("button", { name: t("rollouts.upgradeAll") }).click();
      const dialog = page.getByRole("dialog", { name: t("rollouts.dialog.title") });
      await expect(dialog.getByTestId("rollout-plan-pending").getByRole("listitem")).toHaveCount(3);
      await expect(dialog.getByText(`→ ${version}`).first()).toBeVisible();
      await expect(dialog.getByLabel(t("rollouts.dialog.batchSize"))).toHaveValue("1");
      await snap("plan");
      await dialog.getByRole("button", { name: t("rollouts.dialog.submit", { count: 3 }) }).click();
      await expect(dialog).toBeHidden();
      const panel = page.getByTestId("rollout");
      await expect(panel.getByText(t("rollouts.panel.title", { version }))).toBeVisible();
      await expect(panel.getByText(t("rollouts.panel.state.upgrading")).first()).toBeVisible({ timeout: 20_000 });
      await snap("running");
    });

    await test.step("the proxies upgrade one after the other and their files on disk change", async () => {
      await expect
        .poll(
          async () => {
            const { items } = await operator.call<{ items: Rollout[] }>("GET", `/api/v1/clusters/${cluster.id}/upgrade-rollouts`);
            rollout = items[0];
            return rollout?.status;
          },
          { timeout: 300_000, intervals: [2000] },
        )
        .toBe("done");
      expect(rollout!.counts).toMatchObject({ done: 3, failed: 0, total: 3 });
      expect((await proxies()).map((p) => p.version)).toEqual([version, version, version]);
      for (const root of proxyRoots) {
        expect(current(root).version).toBe(version);
        expect(existsSync(path.join(root, "releases", version, "pac-agent.mjs"))).toBe(true);
        expect(JSON.parse(readFileSync(path.join(root, "releases", version, "release.json"), "utf8")).version).toBe(version);
      }
      expect(before.every((v) => v !== version)).toBe(true);
      // Audited per step: each proxy started, then upgraded, one at a time.
      const { items } = await operator.call<{ items: { details: { outcome: string; rolloutId: string } }[] }>(
        "GET",
        `/api/v1/audit-events?action=upgrade_rollout.step`,
      );
      const mine = items.filter((e) => e.details.rolloutId === rollout!.id).map((e) => e.details.outcome);
      expect(mine.filter((o) => o === "upgraded")).toHaveLength(3);
      const panel = page.getByTestId("rollout");
      await expect(panel.getByText(t("rollouts.panel.status.done"))).toBeVisible({ timeout: 10_000 });
      await snap("done");
    });

    sampling = false;
    await sampler;
    await test.step("never below the minimum; each agent's heartbeats stopped for one failover at most", () => {
      expect(samples.taken).toBeGreaterThan(10);
      expect(samples.minServing).toBeGreaterThanOrEqual(2);
      expect(samples.offlineClients).toBe(0);
      // From the agents' own logs: a failover is one failed attempt, then the next proxy answers.
      // A second failed attempt in a row, or a heartbeat given up, would be a longer stop.
      let failedAttempts = 0;
      for (const root of agentRoots) {
        const lines = readFileSync(path.join(root, "log", "agent.log"), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { time: string; msg: string; attempt?: number })
          .filter((l) => new Date(l.time) >= rolloutStarted);
        failedAttempts += lines.filter((l) => l.msg === "request failed, retrying").length;
        expect(
          lines.filter(
            (l) => (l.msg === "request failed, retrying" && (l.attempt ?? 1) > 1) || l.msg.startsWith("heartbeat failed"),
          ),
        ).toEqual([]);
      }
      test.info().annotations.push({
        type: "rollout",
        description: `${samples.taken} samples: fewest serving ${samples.minServing}; agent moves between proxies ${samples.failovers}; failed heartbeat attempts (each followed by a failover that answered) ${failedAttempts}; samples of a client shown "proxy offline" while its failover was under way ${samples.proxyOfflineClients}`,
      });
    });

    await test.step("the panel in Japanese", async () => {
      const context = await browser.newContext({ locale: "ja-JP", storageState: storageStatePath("operator") });
      const ja = await context.newPage();
      await ja.goto(`${baseURL}/intl/clusters/${cluster.id}/proxies`);
      await expect(ja.getByTestId("rollout").getByText("完了")).toBeVisible();
      await ja.screenshot({ path: `e2e/artifacts/upgrade-rollout-done-ja.png`, fullPage: true });
      await context.close();
    });

    const tampered = `3.${Math.floor(Date.now() / 1000) % 100_000}.1`;
    await test.step(`a release with one byte changed (${tampered}) is refused and never installed`, async () => {
      publishRelease(tampered);
      await tamperRelease(tampered);
      const target = (await proxies()).find((p) => p.asset.hostname === proxyName(0))!;
      await operator.call("POST", `/api/v1/proxies/${target.id}/upgrade`);
      await expect
        .poll(async () => (await proxies()).find((p) => p.id === target.id)?.lastUpgradeFailure?.outcome ?? null, {
          timeout: 60_000,
        })
        .toBe("refused");
      const after = (await proxies()).find((p) => p.id === target.id)!;
      expect([after.version, after.lastUpgradeFailure?.version, after.status]).toEqual([version, tampered, "online"]);
      expect(existsSync(path.join(proxyRoots[0]!, "releases", tampered))).toBe(false);
      expect(current(proxyRoots[0]!).version).toBe(version);
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      await expect(page.getByText(tampered).first()).toBeVisible();
      await snap("refused");
    });
    expect(lang).toBe("en");
  } finally {
    for (const root of [...agentRoots, ...proxyRoots])
      for (const pidFile of ["agent.pid", "proxy.pid"])
        try {
          process.kill(Number(readFileSync(path.join(root, pidFile), "utf8")), "SIGKILL");
        } catch {
          // not started, or gone
        }
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
    await operator.dispose();
  }
});
