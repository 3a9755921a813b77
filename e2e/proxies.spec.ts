// Server basic info and Deploy proxy (SPEC §4 screens 3-4, R4, R7, R8, R10): a manual deploy
// command is copied, a proxy registers with it and heartbeats over the real agent protocol, the
// panel follows it live (online, upgrading, offline), and it is stopped and deleted.
import { startAgents } from "./agent-process";
import { storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";

const OLD_VERSION = "1.4.2";
const LATEST_VERSION = "1.5.0";
/** OFFLINE_AFTER_SECONDS=5 in playwright.config.ts, plus a 3 s poll and some slack. */
const OFFLINE_WITHIN = { timeout: 25_000 };

// From the demo seed (scripts/lib/seed-demo.ts): an IP cluster with its one proxy server.
const SEEDED = { region: "intl", name: "tokyo-dc-ip" } as const;
/** Where the stand-in says its pid file is, as install.sh does for an AEGIS_ROOT install. */
const PID_FILE = "/home/ops/aegis-proxy/proxy.pid";

test("manual deploy → online → upgrade → stop → offline → delete", async ({
  page,
  context,
  t,
  lang,
  snap,
  baseURL,
  api,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const name = uniqueName("proxies");
  // An IP-address cluster, so the journey also meets R4 once its proxy has registered.
  const address = `10.99.${lang === "en" ? 1 : 2}.${Date.now() % 250}`;
  const cluster = await api.create({ region: "intl", name, address });
  const proxiesUrl = `/intl/clusters/${cluster.id}/proxies`;
  const table = page.getByRole("table", { name: t("proxies.tableCaption", { name }) });
  let proxy: ProxyProcess | null = null;

  try {
    await test.step("the cluster's proxy status links to its server basic info, empty at first", async () => {
      await page.goto(`/intl/clusters?q=${name}`);
      await page
        .getByRole("link", {
          name: t("proxies.statusLink", { name, status: t("clusters.status.offline"), detail: t("clusters.status.noProxies") }),
        })
        .click();
      await expect(page).toHaveURL(new RegExp(`${proxiesUrl}$`));
      await expect(page.getByRole("heading", { level: 1, name: t("proxies.title") })).toBeVisible();
      await expect(page.getByRole("heading", { name: t("proxies.empty.title") })).toBeVisible();
      await snap("empty");
    });

    let command = "";
    await test.step("deploy panel: quick deploy explains R4 and why servers are not eligible", async () => {
      await page
        .getByRole("region", { name: t("proxies.empty.title") })
        .getByRole("link", { name: t("proxies.deploy") })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: t("deployProxy.title") })).toBeVisible();
      await expect(page.getByText(t("deployProxy.ipNote", { address }))).toBeVisible();
      const servers = page.getByRole("table", { name: t("deployProxy.listCaption", { region: t("shell.regions.intl") }) });
      await expect(servers.getByRole("row").nth(1)).toBeVisible();
      // The seeded hosts (intl-…) include Windows servers; other specs' e2e-… hosts sort first.
      await page.getByRole("searchbox", { name: t("assetList.searchLabel") }).fill("intl-");
      await expect(servers.getByText(t("deployProxy.ineligible.windows")).first()).toBeVisible({ timeout: 20_000 });
      await snap("quick");
    });

    await test.step("manual deploy: generate the command, copy it", async () => {
      await page.getByRole("tab", { name: t("deployProxy.manual") }).click();
      await expect(page).toHaveURL(/mode=manual/);
      await page.getByRole("button", { name: t("deployProxy.generate") }).click();
      const block = page.getByRole("group", { name: t("deployProxy.commandLabel") }).locator("code");
      await expect(block).toContainText("/api/v1/deploy/");
      command = (await block.textContent())!.trim();
      expect(command).toMatch(/^curl -fsSL http:\/\/\S+\/api\/v1\/deploy\/\S+\/proxy\.sh \| sudo bash$/);
      await expect(page.getByText(t("deployProxy.oneTime"))).toBeVisible();
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
      await page.getByRole("button", { name: t("deployProxy.copyLabel") }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
      await snap("manual");
    });

    await test.step("a proxy registers with the command and heartbeats: the panel shows it online", async () => {
      proxy = await startProxyProcess({
        baseURL: baseURL!,
        command,
        version: OLD_VERSION,
        label: lang,
        service: { manager: "pidfile", pidFile: PID_FILE },
      });
      // The deploy panel notices the registration and keeps the command on screen (R4: now full).
      await expect(page.getByText(t("deployProxy.ipRegistered"))).toBeVisible();
      await expect(page.getByRole("group", { name: t("deployProxy.commandLabel") })).toBeVisible();
      await page.getByRole("link", { name: t("deployProxy.watch") }).click();
      await expect(page).toHaveURL(new RegExp(`${proxiesUrl}$`));
      const row = table.getByRole("row").filter({ hasText: proxy.hostname });
      await expect(row.getByText(t("proxies.status.online"), { exact: true }).first()).toBeVisible();
      await expect(row.getByText(t("proxies.version.latestHint", { version: LATEST_VERSION }))).toBeVisible();
      await expect(row.getByText(t("proxies.mode.manual"), { exact: true })).toBeVisible();
      // Issue 13: a manually deployed proxy's server has no agent, and says so.
      await expect(row.getByText(t("proxies.agent.not_installed"), { exact: true })).toBeVisible();
      // The deploy button explains R4: this IP cluster now has its one proxy.
      await expect(page.getByText(t("proxies.deployBlockedIp"))).toBeVisible();
      await expect(page.getByText(t("proxies.stopCommand.noteTitle"))).toBeVisible();
      await snap("online");
      // The asset's facts on hover (SPEC §4 screen 4).
      const card = page.locator("[data-radix-popper-content-wrapper]").filter({ hasText: t("proxies.asset.agentVersion") });
      // The panel polls: a re-render can close the card before it is read, so hover again until it shows.
      await expect(async () => {
        await page.mouse.move(0, 0);
        await row.getByRole("button", { name: proxy!.hostname, exact: true }).hover();
        await expect(card.getByText(t("assetList.agent.not_installed"), { exact: true })).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expect(card.getByText("3.3.0")).toHaveCount(0);
      await snap("asset-card");
      await page.mouse.move(0, 0);
    });

    await test.step("while online, Delete is unavailable with the reason", async () => {
      await table.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      const remove = page.getByRole("menuitem", { name: t("proxies.actions.delete") });
      await expect(remove).toHaveAttribute("aria-disabled", "true");
      await expect(remove).toContainText(t("proxies.deleteBlocked"));
      await snap("menu-online");
      await page.keyboard.press("Escape");
    });

    await test.step("upgrade: confirm, upgrading, then online on the latest version with Upgrade unavailable", async () => {
      const row = table.getByRole("row").filter({ hasText: proxy!.hostname });
      await row.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      await page.getByRole("menuitem", { name: t("proxies.actions.upgrade") }).click();
      const dialog = page.getByRole("dialog", { name: t("proxies.upgradeDialog.title") });
      await expect(
        dialog.getByText(t("proxies.upgradeDialog.confirm", { name: proxy!.hostname, from: OLD_VERSION, to: LATEST_VERSION })),
      ).toBeVisible();
      await dialog.getByRole("button", { name: t("proxies.upgradeDialog.submit"), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText(t("proxies.status.upgrading"))).toBeVisible();
      await expect(row.getByText(t("proxies.version.latest"))).toBeVisible({ timeout: 20_000 });
      await expect(row.getByText(t("proxies.status.online"), { exact: true }).first()).toBeVisible();
      expect(proxy!.version()).toBe(LATEST_VERSION);
      await row.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      const upgrade = page.getByRole("menuitem", { name: t("proxies.actions.upgrade") });
      await expect(upgrade).toHaveAttribute("aria-disabled", "true");
      await expect(upgrade).toContainText(t("proxies.upgradeBlocked.already_latest"));
      await page.keyboard.press("Escape");
    });

    await test.step("the deploy panel of this IP cluster explains why no further proxy can be deployed", async () => {
      await page.goto(`${proxiesUrl}/deploy`);
      await expect(page.getByText(t("deployProxy.ipFull.title"))).toBeVisible();
      await expect(page.getByRole("tab")).toHaveCount(0);
      await snap("ip-full");
      await page.getByRole("link", { name: t("deployProxy.ipFull.link") }).click();
      await expect(page).toHaveURL(new RegExp(`${proxiesUrl}$`));
    });

    await test.step("stop: the proxy process exits, heartbeats stop, the proxy goes offline", async () => {
      const row = table.getByRole("row").filter({ hasText: proxy!.hostname });
      await row.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      await page.getByRole("menuitem", { name: t("proxies.actions.stop") }).click();
      const dialog = page.getByRole("alertdialog", { name: t("proxies.stopDialog.title") });
      await expect(dialog.getByText(t("proxies.stopDialog.confirm", { name: proxy!.hostname }))).toBeVisible();
      // Issue 13: the command that fits this proxy (its pid file), in the sudo and the root-shell form.
      const code = dialog.getByRole("group", { name: t("proxies.stopCommand.label") }).locator("code");
      await expect(code).toHaveText(`sudo sh -c 'kill $(cat ${PID_FILE})'`);
      await dialog.getByRole("radio", { name: t("shellForm.root") }).check();
      await expect(code).toHaveText(`sh -c 'kill $(cat ${PID_FILE})'`);
      await snap("stop-dialog");
      await dialog.getByRole("radio", { name: t("shellForm.sudo") }).check();
      await dialog.getByRole("button", { name: t("proxies.stopDialog.submit"), exact: true }).click();
      await expect(dialog).toBeHidden();
      expect((await proxy!.exited).reason).toBe("stopped");
      await expect(row.getByText(t("proxies.status.offline"), { exact: true }).first()).toBeVisible(OFFLINE_WITHIN);
    });

    await test.step("offline: delete after confirmation; the cluster is empty again", async () => {
      const row = table.getByRole("row").filter({ hasText: proxy!.hostname });
      await row.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      await page.getByRole("menuitem", { name: t("proxies.actions.delete") }).click();
      const dialog = page.getByRole("alertdialog", { name: t("proxies.deleteDialog.title") });
      await expect(dialog.getByText(t("proxies.deleteDialog.confirm", { name: proxy!.hostname }))).toBeVisible();
      // No agent on a manually deployed proxy's server: the dialog does not promise one stays.
      await expect(dialog.getByText(t("proxies.deleteDialog.bodyManual"))).toBeVisible();
      await expect(dialog.getByText(t("proxies.deleteDialog.body"))).toHaveCount(0);
      await dialog.getByRole("button", { name: t("proxies.deleteDialog.submit"), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(t("proxies.deleteDialog.done", { name: proxy!.hostname }))).toBeVisible();
      await expect(page.getByRole("heading", { name: t("proxies.empty.title") })).toBeVisible();
    });
  } finally {
    await (proxy as ProxyProcess | null)?.kill();
  }
});

test("quick deploy onto a server whose agent is online: deploying, then online", async ({
  page,
  t,
  lang,
  snap,
  baseURL,
  api,
  uniqueName,
}) => {
  test.setTimeout(90_000);
  const name = uniqueName("quick");
  const cluster = await api.create({ region: "intl", name, address: `${name}.proxy.e2e.example.com` });
  // A server that ran an install command (no cluster: inventory only) and heartbeats every second.
  const install = await page.request.post("/api/v1/install-commands", {
    data: { region: "intl", clusterId: null, os: "linux", provider: "idc", expiresInHours: 1 },
    headers: { origin: baseURL! },
  });
  expect(install.status(), await install.text()).toBe(201);
  const hostname = `e2e-quick-${lang}-${Date.now().toString(36)}`;
  const agents = await startAgents({
    baseURL: baseURL!,
    command: ((await install.json()) as { command: string }).command,
    hostnames: [hostname],
  });

  try {
    await test.step("search the region's servers: the online Linux server can be deployed", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies/deploy`);
      await page.getByRole("searchbox", { name: t("assetList.searchLabel") }).fill(hostname);
      const servers = page.getByRole("table", { name: t("deployProxy.listCaption", { region: t("shell.regions.intl") }) });
      const row = servers.getByRole("row").filter({ hasText: hostname });
      await expect(row.getByText(t("deployProxy.eligible"))).toBeVisible();
      await row.getByRole("checkbox", { name: hostname }).check();
      await expect(page.getByText(t("deployProxy.selected", { count: 1 }))).toBeVisible();
      await snap("quick-selected");
    });

    await test.step("deploy: the proxy appears in server basic info and comes online with its first heartbeat", async () => {
      await page.getByRole("button", { name: t("deployProxy.submit", { count: 1 }) }).click();
      await expect(page.getByText(t("deployProxy.deployed", { count: 1 }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/intl/clusters/${cluster.id}/proxies$`));
      const row = page.getByRole("row").filter({ hasText: hostname });
      await expect(row.getByText(t("proxies.mode.quick"))).toBeVisible();
      await expect(row.getByText(t("proxies.status.online"), { exact: true }).first()).toBeVisible({ timeout: 20_000 });
    });
  } finally {
    await agents.stop();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("deploy, upgrade, stop and delete are shown unavailable with the reason", async ({ page, t, api, snap }) => {
    const seeded = await api.findByName(SEEDED.region, SEEDED.name);
    expect(seeded, `the demo seed must contain ${SEEDED.name} in ${SEEDED.region}`).toBeDefined();
    const roles = { role: t("roles.names.viewer"), needed: t("roles.names.operator") };

    await test.step("open the seeded cluster's server basic info from its row action", async () => {
      await page.goto(`/${SEEDED.region}/clusters?q=${SEEDED.name}`);
      await page
        .getByRole("link", {
          name: t("clusters.actions.rowAction", { action: t("clusters.actions.serverInfo"), name: SEEDED.name }),
        })
        .click();
      await expect(page).toHaveURL(new RegExp(`/${SEEDED.region}/clusters/${seeded!.id}/proxies$`));
      await expect(page.getByTestId("role-notice")).toContainText(t("roles.viewerReason", roles));
    });

    await test.step("Deploy proxy and every row action say why they are unavailable", async () => {
      await expect(page.getByRole("button", { name: t("proxies.deploy") })).toBeDisabled();
      const table = page.getByRole("table", { name: t("proxies.tableCaption", { name: SEEDED.name }) });
      await expect(table.getByRole("row")).toHaveCount(2);
      const listed = await page.request.get(`/api/v1/clusters/${seeded!.id}/proxies`);
      const [first] = ((await listed.json()) as { items: { asset: { hostname: string } }[] }).items;
      await table.getByRole("button", { name: t("proxies.actions.menuLabel", { name: first!.asset.hostname }) }).click();
      for (const action of ["upgrade", "stop", "delete"] as const) {
        const item = page.getByRole("menuitem", { name: t(`proxies.actions.${action}`) });
        await expect(item).toHaveAttribute("aria-disabled", "true");
        await expect(item).toContainText(t("roles.shortReason", roles));
      }
      await snap("viewer");
      await page.keyboard.press("Escape");
    });
  });
});
