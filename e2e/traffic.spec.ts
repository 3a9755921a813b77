// The data path on screen (SPEC §8): a proxy reports in over the agent protocol, the install
// command says what the server must reach, a client registers and the proxy vouches for it and
// relays its records. The cluster page draws the last hour's traffic against the bandwidth limit
// (chart, summary and table), server basic info shows what each proxy relays, queues and drops
// and where it listens, cache mode shows the cache fill, and when the proxy goes silent its client
// shows "Proxy offline", not "Offline".
import type { APIRequestContext } from "@playwright/test";
import { AGENT_VERSION, DEFAULT_PROXY_VERSION } from "../agent/protocol.mjs";
import { createInstallCommandInUi, expect, test, type Lang } from "./fixtures";
import { OperatorApi } from "./operator-api";
import { deployTokenOf } from "./proxy-process";

const GIB = 1024 ** 3;
/** What the proxy reports in every heartbeat: the numbers server basic info must show. */
const REPORT = {
  connectedClients: 1,
  bytesRelayed: 3 * 1024 * 1024,
  queuedBytes: 2048,
  droppedBytes: 1536,
  droppedRecords: 3,
  cacheBytes: Math.round(0.85 * GIB),
  listen: ["10.0.0.5:8080"],
};
const LIMIT_KBPS = 64;
const RECORDS = 10;
/** OFFLINE_AFTER_SECONDS=5 in playwright.config.ts, plus slack. */
const SILENT_WITHIN = { timeout: 30_000 };

type Traffic = {
  points: { proxyId: string; minute: string; bytes: number; records: number; kbps: number }[];
};

async function agentPost<T>(request: APIRequestContext, path: string, data: unknown, credential?: string): Promise<T> {
  const headers: Record<string, string> = credential ? { authorization: `Bearer ${credential}` } : {};
  const response = await request.post(path, { data, headers });
  expect(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const facts = (hostname: string, ip: string) => ({
  hostname,
  os: "linux",
  osVersion: "Ubuntu 24.04",
  ips: [ip],
  type: "host",
  cpuCores: 8,
  memoryMb: 16_384,
  agentVersion: AGENT_VERSION,
});

const numberIn = (lang: Lang, value: number, digits: number) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
const minuteIn = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(iso));

test("traffic chart, relay figures, cache fill and a client whose proxy went silent", async ({
  page,
  playwright,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = `${lang}-${Date.now().toString(36)}`;
  const name = uniqueName("traffic");
  const address = `traffic-${stamp}.proxy.example.net`;
  const cluster = await api.create({ region: "intl", name, address });
  const operator = await OperatorApi.open(playwright, baseURL!);
  const agentSide = await playwright.request.newContext({ baseURL });
  const proxyHost = `e2e-traffic-proxy-${stamp}`;
  const clientHost = `e2e-traffic-client-${stamp}`;
  const octet = (Date.now() % 200) + (lang === "en" ? 1 : 2);
  const panel = page.getByRole("region", { name: t("traffic.title") });

  // The proxy: registered with a manual deploy token, then heartbeating every second until silenced.
  const proxy = await agentPost<{ proxyId: string; credential: string }>(agentSide, "/api/v1/agent/proxies/register", {
    deployToken: deployTokenOf(await operator.manualDeployCommand(cluster.id)),
    ...facts(proxyHost, `10.240.${octet}.1`),
    proxyVersion: DEFAULT_PROXY_VERSION,
  });
  let joined: { credential: string; agentVersion: string }[] = [];
  let silent = false;
  const heartbeat = async () => {
    const clients = { joined, left: [] };
    joined = [];
    await agentPost(
      agentSide,
      `/api/v1/agent/proxies/${proxy.proxyId}/heartbeat`,
      { proxyVersion: DEFAULT_PROXY_VERSION, policyVersion: null, ...REPORT, clients },
      proxy.credential,
    );
  };
  await heartbeat();
  const loop = (async () => {
    while (!silent) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (!silent) await heartbeat().catch(() => undefined);
    }
  })();

  try {
    let command = "";
    await test.step("the install command for the cluster says the server must reach its proxies", async () => {
      const result = await createInstallCommandInUi(page, t, cluster.id, (dialog) =>
        expect(dialog.getByRole("option", { name: new RegExp(name) })).toHaveAttribute("aria-selected", "true"),
      );
      // PROXY_PORT: 8080 unless the console is told otherwise (playwright.config.ts gives each run its own).
      const reach = `http://${address}:${process.env.E2E_PROXY_PORT ?? 8080}`;
      await expect(result.getByTestId("install-command-reach")).toHaveText(
        t.markup("installCommands.result.reachCluster", { url: reach, code: (chunks) => chunks }),
      );
      command = (await result.getByTestId("install-command").textContent())!.trim();
      expect(command).toContain(`${reach}/api/v1/install/`);
      await snap("install-result");
      await result.getByRole("button", { name: t("installCommands.result.done") }).click();
      const hint = command.split("/install/")[1]!.slice(0, 8);
      const row = page.getByRole("row").filter({ has: page.getByText(t("installCommands.list.masked", { hint })) });
      await expect(row.getByTestId("command-reach")).toHaveText(
        t.markup("installCommands.list.reaches", { url: reach, code: (chunks) => chunks }),
      );
      await snap("install-list");
    });

    let assetId = "";
    await test.step("a client registers, the proxy vouches for it; no data yet: the panel says so", async () => {
      const token = /\/api\/v1\/install\/([^/\s]+)\/linux\.sh/.exec(command)![1]!;
      const client = await agentPost<{ assetId: string; credential: string; clusterId: string }>(
        agentSide,
        "/api/v1/agent/register",
        { installToken: token, ...facts(clientHost, `10.240.${octet}.2`), cpuCores: 2, memoryMb: 4096 },
      );
      expect(client.clusterId).toBe(cluster.id);
      assetId = client.assetId;
      joined = [{ credential: client.credential, agentVersion: AGENT_VERSION }];
      await operator.call("PUT", `/api/v1/clusters/${cluster.id}/policy`, {
        mode: "backflow",
        bandwidthKbps: LIMIT_KBPS,
        frequencyPerMin: null,
      });
      await page.goto(`/intl/clusters/${cluster.id}`);
      await expect(panel.getByText(t("traffic.empty.title"))).toBeVisible();
      await expect(panel.getByTestId("traffic-policy")).toHaveText(
        t("traffic.limit", { limit: numberIn(lang, LIMIT_KBPS, 1), warn: numberIn(lang, LIMIT_KBPS * 0.6, 1) }),
      );
      await snap("empty");
    });

    let traffic: Traffic = { points: [] };
    await test.step("the proxy relays the client's records: chart, summary and table on the cluster page", async () => {
      const at = new Date().toISOString();
      const records = Array.from({ length: RECORDS }, (_, i) => ({
        assetId,
        type: "process_logs",
        at,
        data: { pid: 4000 + i, command: `/usr/bin/e2e-${i} ${"x".repeat(2000)}` },
      }));
      const answer = await agentPost<{ accepted: number }>(
        agentSide,
        `/api/v1/agent/proxies/${proxy.proxyId}/data`,
        { records },
        proxy.credential,
      );
      expect(answer.accepted).toBe(RECORDS);
      traffic = await operator.call<Traffic>("GET", `/api/v1/clusters/${cluster.id}/traffic`);
      expect(traffic.points).toHaveLength(1);
      const point = traffic.points[0]!;
      expect(point).toMatchObject({ proxyId: proxy.proxyId, records: RECORDS });

      await page.reload();
      const summary = t("traffic.summary", {
        peak: numberIn(lang, point.kbps, 1),
        name: proxyHost,
        time: minuteIn(lang, point.minute),
        limit: numberIn(lang, LIMIT_KBPS, 1),
      });
      await expect(panel.getByRole("img", { name: summary })).toBeVisible();
      await expect(panel.getByText(summary, { exact: true })).toBeVisible();
      // The chart draws the limit and its 60 % line, and names the proxy in the legend.
      const chart = panel.getByTestId("traffic-chart");
      await expect(
        chart.getByText(t("traffic.limitLine", { value: numberIn(lang, LIMIT_KBPS, 1) }), { exact: true }),
      ).toBeVisible();
      await expect(
        chart.getByText(t("traffic.warnLine", { value: numberIn(lang, LIMIT_KBPS * 0.6, 1) }), { exact: true }),
      ).toBeVisible();
      await expect(chart.locator(".recharts-legend-wrapper")).toContainText(proxyHost);
      await panel.getByText(t("traffic.table.show")).click();
      const table = panel.getByRole("table", { name: t("traffic.table.caption") });
      const row = table.getByRole("row").filter({ hasText: proxyHost });
      await expect(row.getByRole("rowheader")).toHaveText(minuteIn(lang, point.minute));
      await expect(row.getByRole("cell").nth(1)).toHaveText(numberIn(lang, point.kbps, 2));
      await expect(row.getByRole("cell").nth(3)).toHaveText(String(RECORDS));
      // The proxy reported drops: the panel says which proxy and what that means.
      await expect(panel.getByText(t("proxies.relay.droppedTitle"))).toBeVisible();
      await snap("cluster");
    });

    await test.step("server basic info: clients, sent, queued, dropped in red, listening address", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      const row = page
        .getByRole("table", { name: t("proxies.tableCaption", { name }) })
        .getByRole("row")
        .filter({ hasText: proxyHost });
      await expect(row.getByText(t("proxies.load.value", { clients: "1", capacity: numberIn(lang, 6000, 0) }))).toBeVisible();
      await expect(row.getByText("3 MB", { exact: true })).toBeVisible();
      await expect(row.getByText("2 KB", { exact: true })).toBeVisible();
      const dropped = row.getByTitle(t("proxies.relay.droppedHint"));
      await expect(dropped).toContainText("1.5 KB");
      await expect(dropped).toContainText(t("proxies.relay.droppedRecords", { count: 3 }));
      await expect(row.getByText(REPORT.listen[0]!, { exact: true })).toBeVisible();
      await expect(panel.getByRole("img")).toBeVisible();
      await snap("proxies");
    });

    await test.step("the client list: online through the proxy, as its hover card says", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/clients`);
      const row = page.getByRole("row").filter({ hasText: clientHost });
      await expect(row.getByText(t("assetList.agent.online"), { exact: true })).toBeVisible();
      await row.getByRole("button", { name: clientHost, exact: true }).hover();
      await expect(page.getByText(t("proxies.asset.viaProxyNamed", { name: proxyHost }))).toBeVisible();
      await snap("client-card");
      await page.mouse.move(0, 0);
    });

    await test.step("cache mode: no chart needed, each proxy's cache against the cap (amber from 80 %)", async () => {
      await operator.call("PUT", `/api/v1/clusters/${cluster.id}/policy`, {
        mode: "cache",
        cacheMaxBytes: GIB,
        dataTypes: ["process_logs"],
      });
      await page.goto(`/intl/clusters/${cluster.id}`);
      await expect(panel.getByTestId("traffic-policy")).toHaveText(t("traffic.cacheMode"));
      const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(0.85);
      const value = t("traffic.cache.value", { used: `${numberIn(lang, 870.4, 1)} MB`, max: "1 GB", percent });
      const fill = panel.getByTestId("cache-fill");
      await expect(fill.getByText(value)).toBeVisible();
      await expect(fill.getByRole("progressbar", { name: t("traffic.cache.barLabel", { name: proxyHost }) })).toHaveAttribute(
        "aria-valuetext",
        value,
      );
      await expect(fill.getByText(t("traffic.cache.nearlyFull"))).toBeVisible();
      await snap("cache");
    });

    await test.step("the proxy goes silent: its client shows Proxy offline, not Offline", async () => {
      silent = true;
      await loop;
      await expect
        .poll(async () => {
          const { items } = await operator.call<{ items: { id: string; agentStatus: string }[] }>(
            "GET",
            `/api/v1/clusters/${cluster.id}/clients`,
          );
          return items.find((item) => item.id === assetId)?.agentStatus;
        }, SILENT_WITHIN)
        .toBe("proxy_offline");
      await page.goto(`/intl/clusters/${cluster.id}/clients`);
      const row = page.getByRole("row").filter({ hasText: clientHost });
      const badge = row.getByText(t("assetList.agent.proxy_offline"), { exact: true });
      await expect(badge).toBeVisible();
      await expect(row.getByText(t("assetList.agent.proxyOfflineHint"))).toBeAttached();
      await row.getByRole("button", { name: clientHost, exact: true }).hover();
      const card = page.locator("[data-radix-popper-content-wrapper]");
      await expect(card).toContainText(t("assetList.agent.proxyOfflineHint"));
      await expect(card).toContainText(t("proxies.asset.viaProxyNamed", { name: proxyHost }));
      await snap("proxy-offline");
      await page.mouse.move(0, 0);
    });

    await test.step("manual deploy says where the proxy listens and what must reach it", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies/deploy?mode=manual`);
      const note = page.getByRole("region", { name: t("deployProxy.network.title") });
      await expect(note).toContainText(t("deployProxy.network.firewall"));
      await expect(note).toContainText("AEGIS_PROXY_LISTEN=10.0.0.5:8080");
      await expect(note).toContainText(address);
      await snap("manual-deploy");
    });
  } finally {
    silent = true;
    await loop;
    await agentSide.dispose();
    await operator.dispose();
  }
});
