// Client access (SPEC §4 screens 5-6, R11-R16): servers whose agents heartbeat over the real
// protocol are picked and connected to a cluster with an online proxy, listed, refused a second
// batch inside the window with the countdown, disconnected all at once, and stay online as
// direct assets. A second journey shows a selection over 500 becoming paced waves.
import type { APIRequestContext, Page } from "@playwright/test";
import { startAgents, type AgentFleet } from "./agent-process";
import { storageStatePath } from "./auth-state";
import { clusterRow, expect, test } from "./fixtures";
import { mockPacer } from "./pacer-mocks";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";

/** BATCH_INTERVAL_SECONDS of the e2e console (playwright.config.ts). */
const BATCH_INTERVAL = 30;

/** A translated sentence with a number that changes every second, as a pattern. */
function withNumber(text: (n: number) => string): RegExp {
  return new RegExp(
    text(987_654)
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/987,?654/, "\\d+"),
  );
}

async function post<T>(request: APIRequestContext, origin: string, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { data, headers: { origin } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * After the journey: stop the fleet, and once the stopped proxy is offline delete it (R8) so the
 * cluster itself can be deleted (R9) by the uniqueName fixture. Best effort: never fails the test.
 */
async function cleanUp(page: Page, origin: string, clusterId: string, proxy: ProxyProcess | null, agents: AgentFleet | null) {
  await agents?.stop();
  await page.request.delete(`/api/v1/clusters/${clusterId}/clients`, { data: { all: true }, headers: { origin } });
  if (!proxy) return;
  await proxy.kill();
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(1_000)) {
    const response = await page.request.delete(`/api/v1/proxies/${proxy.proxyId}`, { headers: { origin } });
    if (response.ok()) return;
  }
}

test("select 3 servers → connect → listed → next batch refused with the countdown → disconnect all", async ({
  page,
  t,
  lang,
  snap,
  baseURL,
  api,
  uniqueName,
}) => {
  test.setTimeout(150_000);
  const origin = new URL(baseURL!).origin;
  const name = uniqueName("clients");
  const cluster = await api.create({ region: "intl", name, address: `10.98.${lang === "en" ? 1 : 2}.${Date.now() % 250}` });
  const prefix = `e2e-cl-${lang}-${Date.now().toString(36)}`;
  const hostnames = [1, 2, 3, 4].map((i) => `${prefix}-${i}`);
  const [first, second, third, fourth] = hostnames as [string, string, string, string];
  const selectRow = (hostname: string) => page.getByRole("checkbox", { name: t("clientAccess.picker.selectRow", { hostname }) });
  const picker = page.getByRole("table", { name: t("clientAccess.picker.caption", { region: t("shell.regions.intl") }) });
  let proxy: ProxyProcess | null = null;
  let agents: AgentFleet | null = null;

  try {
    await test.step("a proxy and four servers heartbeat over the agent protocol", async () => {
      const deploy = await post<{ command: string }>(page.request, origin, `/api/v1/clusters/${cluster.id}/proxies`, {
        mode: "manual",
        expiresInHours: 1,
      });
      proxy = await startProxyProcess({ baseURL: baseURL!, command: deploy.command, version: "1.5.0", label: `cl-${lang}` });
      const install = await post<{ command: string }>(page.request, origin, "/api/v1/install-commands", {
        region: "intl",
        clusterId: null,
        os: "linux",
        provider: "idc",
        expiresInHours: 1,
      });
      agents = await startAgents({ baseURL: baseURL!, command: install.command, hostnames });
    });

    await test.step("open Access clients from the cluster's actions", async () => {
      await page.goto(`/intl/clusters?q=${name}`);
      await clusterRow(page, name)
        .getByRole("link", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.accessClients"), name }) })
        .click();
      await expect(page).toHaveURL(new RegExp(`/intl/clusters/${cluster.id}/access$`));
      await expect(page.getByRole("heading", { level: 1, name: t("clientAccess.title") })).toBeVisible();
      await expect(page.getByRole("link", { name: t("clientAccess.installCommands") })).toHaveAttribute(
        "href",
        `/intl/install-commands?cluster=${cluster.id}`,
      );
    });

    await test.step("find the servers: online, ready to connect; capacity from the online proxy", async () => {
      await page.getByRole("searchbox", { name: t("assetList.searchLabel") }).fill(prefix);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
      await expect(picker.getByRole("rowheader")).toHaveCount(4);
      await expect(picker.getByText(t("clientAccess.eligibility.ready"))).toHaveCount(4);
      await expect(page.getByText(t("clientAccess.stats.capacityLeftValue", { left: "6,000", capacity: "6,000" }))).toBeVisible();
      await expect(page.getByTestId("batch-countdown")).toHaveText(t("clientAccess.stats.allowedNow"));
    });

    await test.step("select three: the count against 500 per batch", async () => {
      for (const hostname of [first, second, third]) await selectRow(hostname).check();
      await expect(page.getByTestId("selection-count")).toHaveText(
        t("clientAccess.stats.selectedOfBatch", { count: 3, batch: "500" }),
      );
      await snap("selection");
    });

    await test.step("connect them: one batch; the next is allowed only after the countdown", async () => {
      await page.getByRole("button", { name: t("clientAccess.connect.submit", { count: 3 }) }).click();
      await expect(page.getByText(t("clientAccess.connect.done", { count: 3, name }))).toBeVisible();
      await expect(picker.getByText(t("clientAccess.eligibility.here.label"))).toHaveCount(3);
      await expect(page.getByRole("timer")).toHaveText(withNumber((n) => t("clientAccess.stats.allowedIn", { time: `0:${n}` })));
      await selectRow(fourth).check();
      await expect(page.getByRole("button", { name: t("clientAccess.connect.submit", { count: 1 }) })).toBeDisabled();
      await expect(page.getByText(withNumber((seconds) => t("clientAccess.connect.waitForWindow", { seconds })))).toBeVisible();
      await snap("countdown");
    });

    await test.step("a batch sent inside the window anyway is refused with the seconds left (R12)", async () => {
      // Another console or install-command registrations can open the window after this page
      // looked: make the page believe the window is open, then let the server answer.
      const windowUrl = `**/api/v1/clusters/${cluster.id}/clients/window`;
      await page.route(windowUrl, async (route) => {
        const now = new Date().toISOString();
        const open = {
          now,
          intervalSeconds: BATCH_INTERVAL,
          batchSize: 500,
          retryAfterSeconds: 0,
          nextBatchAt: now,
          lastBatch: null,
        };
        // A request the reload cancelled cannot be answered any more; that one does not matter.
        await route.fulfill({ json: open }).catch(() => undefined);
      });
      await page.reload();
      await selectRow(fourth).check();
      await page.getByRole("button", { name: t("clientAccess.connect.submit", { count: 1 }) }).click();
      const refusal = page.getByRole("alert").filter({ hasText: t("clientAccess.connect.refused") });
      await expect(refusal).toContainText(
        withNumber((seconds) => t("clientAccess.errors.BATCH_INTERVAL", { seconds, interval: BATCH_INTERVAL })),
      );
      await page.unroute(windowUrl);
      await snap("refused");
    });

    await test.step("the connected clients list shows the three, with their load (R13, R14)", async () => {
      await page.getByRole("link", { name: t("clientAccess.viewClients", { count: 3, formatted: "3" }) }).click();
      await expect(page).toHaveURL(new RegExp(`/intl/clusters/${cluster.id}/clients$`));
      const list = page.getByRole("table", { name: t("clients.tableCaption", { name }) });
      await expect(list.getByRole("rowheader")).toHaveCount(3);
      for (const hostname of [first, second, third]) await expect(list.getByText(hostname, { exact: true })).toBeVisible();
      await expect(list.getByText(fourth)).toHaveCount(0);
      await expect(page.getByTestId("usage-summary")).toContainText(t("clients.usage.kbps", { value: "30" }));
      await snap("list");
    });

    await test.step("disconnect all after typing the cluster's name; the agents stay installed (R16)", async () => {
      await page.getByRole("button", { name: t("clients.disconnectAll") }).click();
      const dialog = page.getByRole("alertdialog", { name: t("clients.disconnect.allTitle") });
      await expect(dialog.getByText(t("clients.disconnect.agentsStay"))).toBeVisible();
      const submit = dialog.getByRole("button", { name: t("clients.disconnect.submitAll", { count: 3 }) });
      await expect(submit).toBeDisabled();
      await dialog.getByLabel(t("clients.disconnect.typeName", { name })).fill(name);
      await snap("disconnect-all");
      await submit.click();
      await expect(page.getByText(t("clients.disconnect.done", { count: 3, name }))).toBeVisible();
      await expect(page.getByText(t("clients.empty.title"))).toBeVisible();
    });

    await test.step("the servers are still online in the inventory, connected directly", async () => {
      await page
        .getByRole("navigation", { name: t("shell.mainNavLabel") })
        .getByRole("link", { name: t("shell.nav.assets") })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: t("assets.title") })).toBeVisible();
      await page.getByRole("searchbox", { name: t("assetList.searchLabel") }).fill(prefix);
      const inventory = page.getByRole("table", { name: t("assets.tableCaption", { region: t("shell.regions.intl") }) });
      await expect(inventory.getByRole("rowheader")).toHaveCount(4);
      await expect(inventory.getByText(t("assetList.agent.online"), { exact: true })).toHaveCount(4);
      await expect(inventory.getByText(t("assets.connection.direct"), { exact: true })).toHaveCount(4);
      await snap("assets");
    });
  } finally {
    await cleanUp(page, origin, cluster.id, proxy, agents);
  }
});

test("a selection over 500 becomes paced waves with progress, ETA and cancel", async ({ page, t, snap, api, uniqueName }) => {
  const name = uniqueName("pacer");
  const cluster = await api.create({ region: "intl", name, address: `pacer-${Date.now().toString(36)}.e2e.example.com` });
  // 620 eligible servers and a running job are more than the e2e machine can heartbeat: the
  // inventory and the job endpoints answer from fixtures here; the pacer's waves themselves are
  // covered by the integration tests against PostgreSQL.
  const pacer = await mockPacer(page, cluster.id, 620);

  await page.goto(`/intl/clusters/${cluster.id}/access`);
  await expect(page.getByRole("heading", { level: 1, name: t("clientAccess.title") })).toBeVisible();

  await test.step("select all: every page of the filter, with progress", async () => {
    await page.getByRole("button", { name: t("clientAccess.picker.selectAll") }).click();
    await expect(page.getByText(t("clientAccess.picker.selectedAll", { added: "620", skipped: "0" }))).toBeVisible();
    await expect(page.getByTestId("selection-count")).toHaveText(
      t("clientAccess.stats.selectedOfBatch", { count: 620, batch: "500" }),
    );
    await expect(page.getByText(t("clientAccess.pacer.planTitle"))).toBeVisible();
  });

  await test.step("connect in paced waves: progress, waves, ETA, the last wave's skipped servers", async () => {
    await page.getByRole("button", { name: t("clientAccess.connect.paced", { count: 620, waves: 2 }) }).click();
    await expect(page.getByText(t("clientAccess.pacer.created", { count: 620, waves: 2 }))).toBeVisible();
    expect(pacer.created()).toHaveLength(620);
    const panel = page.getByTestId("pacer");
    await expect(panel.getByRole("progressbar", { name: t("clientAccess.pacer.progressLabel") })).toHaveAttribute(
      "aria-valuenow",
      "500",
    );
    await expect(panel).toContainText(t("clientAccess.pacer.processed", { processed: "500", total: "620" }));
    await expect(panel).toContainText(withNumber((n) => t("clientAccess.pacer.eta", { time: `0:${n}` })));
    await expect(panel).toContainText(t("clientAccess.errors.reasons.agent_offline"));
    await snap("pacer");
  });

  await test.step("cancel it", async () => {
    await page
      .getByTestId("pacer")
      .getByRole("button", { name: t("clientAccess.pacer.cancel") })
      .click();
    await expect(page.getByTestId("pacer")).toContainText(t("clientAccess.pacer.status.cancelled"));
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("connect and disconnect are shown unavailable with the reason", async ({ page, t, api }) => {
    // From the demo seed (scripts/lib/seed-demo.ts): a domain cluster with 640 clients.
    const seeded = await api.findByName("intl", "frankfurt-vpc");
    expect(seeded, "the demo seed must contain frankfurt-vpc in intl").toBeDefined();
    const reason = t("roles.viewerReason", { role: t("roles.names.viewer"), needed: t("roles.names.operator") });

    await page.goto(`/intl/clusters/${seeded!.id}/clients`);
    await expect(page.getByTestId("role-notice")).toContainText(reason);
    const disconnectAll = page.getByRole("button", { name: t("clients.disconnectAll") });
    await expect(disconnectAll).toHaveAttribute("aria-disabled", "true");
    await expect(disconnectAll).toHaveAccessibleDescription(reason);
    // aria-disabled, not disabled: it stays focusable and says why; a click (forced past
    // Playwright's own enabled check) opens nothing.
    await disconnectAll.click({ force: true });
    await expect(page.getByRole("alertdialog")).toHaveCount(0);

    await page
      .getByRole("link", { name: t("clients.accessClients") })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: t("clientAccess.title") })).toBeVisible();
    await expect(page.getByTestId("role-notice")).toContainText(reason);
    await expect(page.getByRole("button", { name: t("clientAccess.connect.submit", { count: 0 }) })).toHaveAccessibleDescription(
      reason,
    );
  });
});
