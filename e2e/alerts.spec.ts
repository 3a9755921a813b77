// Alerts and webhooks (issue 14), end to end: an admin adds a webhook destination in Settings and
// sends a test; a real proxy daemon loop is killed → the alert shows in the header's count and the
// alert list, and the local receiver gets the signed POST; restarted → resolved, and the receiver
// gets that too. The console runs with ALERT_EVAL_INTERVAL_SECONDS=2 (playwright.config.ts).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { OperatorApi } from "./operator-api";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";
import { shot } from "./shots";

test.use({ storageState: storageStatePath("admin") });

type Received = {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; event: string; alert: Record<string, unknown> };
};

async function startReceiver() {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/pac-hook`;
  return { got, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

function verifies(secret: string, r: Received): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(`${r.headers["x-pac-timestamp"]}.${r.body}`).digest("hex")}`;
  const given = String(r.headers["x-pac-signature"] ?? "");
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

test("webhook destination in Settings; a killed proxy opens an alert, counted in the header and POSTed signed; restarted, it resolves", async ({
  page,
  t,
  lang,
  baseURL,
  api,
  playwright,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const hookName = `e2e-hook-${lang}-${Date.now().toString(36)}`;
  const name = uniqueName("alerts");
  let proxy: ProxyProcess | null = null;
  let restarted: { kill: () => Promise<unknown> } | null = null;
  let secret = "";
  const settingsRow = () =>
    page
      .getByRole("table", { name: t("webhooks.tableCaption") })
      .getByRole("row")
      .filter({ hasText: hookName });

  try {
    await test.step("an admin adds a webhook destination; its secret is shown once", async () => {
      await page.goto("/intl/settings");
      await expect(page.getByRole("heading", { name: t("alertRules.title") })).toBeVisible();
      await page.getByRole("button", { name: t("webhooks.add") }).click();
      const dialog = page.getByRole("dialog", { name: t("webhooks.form.createTitle") });
      await dialog.getByLabel(t("webhooks.form.name")).fill(hookName);
      await dialog.getByLabel(t("webhooks.form.url")).fill("ftp://nowhere.example/");
      await dialog.getByRole("button", { name: t("webhooks.form.create"), exact: true }).click();
      await expect(dialog.getByText(t("validation.httpUrl"))).toBeVisible();
      await dialog.getByLabel(t("webhooks.form.url")).fill(receiver.url);
      await dialog.getByRole("button", { name: t("webhooks.form.create"), exact: true }).click();
      const shown = page.getByRole("dialog", { name: t("webhooks.secretShown.title", { name: hookName }) });
      secret = await shown.getByLabel(t("webhooks.form.secret")).inputValue();
      expect(secret).toMatch(/^whsec_/);
      await shown.getByRole("button", { name: t("webhooks.secretShown.done") }).click();
      await expect(settingsRow()).toContainText(receiver.url);
    });

    await test.step("send test: the receiver gets a signed test event and the console says so", async () => {
      await settingsRow()
        .getByRole("button", { name: `${t("webhooks.test.open")} ${hookName}` })
        .click();
      await expect(page.getByText(t("webhooks.test.ok", { name: hookName, status: 204 }))).toBeVisible();
      const test = receiver.got.find((r) => r.json.event === "test");
      expect(test).toBeDefined();
      expect(verifies(secret, test!)).toBe(true);
      expect(test!.headers["x-pac-delivery"]).toBe(test!.json.id);
      await shot(page, "webhook-settings", lang);
      await settingsRow()
        .getByRole("button", { name: t("webhooks.rowActions", { name: hookName }) })
        .click();
      await page.getByRole("menuitem", { name: t("webhooks.log.open") }).click();
      const log = page.getByRole("dialog", { name: t("webhooks.log.title", { name: hookName }) });
      await expect(log.getByText(t("webhooks.log.attempt", { n: 1, result: "HTTP 204" }))).toBeVisible();
      await shot(page, "webhook-delivery-log", lang);
      await page.keyboard.press("Escape");
    });

    await test.step("a proxy registers and heartbeats", async () => {
      const cluster = await api.create({ region: "intl", name, address: `alerts-${lang}.example.com` });
      const operator = await OperatorApi.open(playwright, baseURL!);
      const command = await operator.manualDeployCommand(cluster.id);
      proxy = await startProxyProcess({ baseURL: baseURL!, command, version: "1.0.0", label: `alerts-${lang}` });
      await expect.poll(() => operator.clusterStatus("intl", name), { timeout: 20_000 }).toBe("online");
    });

    const mine = (event: string) =>
      receiver.got.filter((r) => r.json.event === event && (r.json.alert.subject as { id: string }).id === proxy!.proxyId);

    await test.step("killed: the header counts the alert, the list shows it, the receiver gets the signed POST", async () => {
      await page.goto("/intl/clusters");
      await proxy!.kill();
      await expect.poll(() => mine("opened").length, { timeout: 30_000 }).toBe(1);
      const opened = mine("opened")[0]!;
      expect(verifies(secret, opened)).toBe(true);
      expect(opened.json.alert).toMatchObject({ kind: "proxy_offline", region: "intl", resolvedAt: null });
      expect(String(opened.json.alert.url)).toMatch(/\/intl\/clusters\/[0-9a-f-]{36}$/);

      const bell = page.getByTestId("alert-bell");
      await expect.poll(async () => Number(await bell.getAttribute("data-count")), { timeout: 20_000 }).toBeGreaterThan(0);
      const count = Number(await bell.getAttribute("data-count"));
      await expect(bell).toHaveAccessibleName(t("alerts.bell.label", { count }));
      await page.locator("header").screenshot({ path: `e2e/artifacts/shots/alert-bell-${lang}.png` });
      await bell.click();
      await expect(page.getByRole("heading", { level: 1, name: t("alerts.title") })).toBeVisible();
      const row = page
        .getByRole("row")
        .filter({ hasText: proxy!.hostname })
        .filter({ hasText: t("alerts.kinds.proxy_offline") });
      await expect(row).toBeVisible();
      await expect(row.getByRole("cell").first()).toHaveText(t("alerts.state.open"));
      await shot(page, "alerts-open", lang);
    });

    await test.step("restarted: the alert resolves, the receiver gets the resolved event", async () => {
      restarted = proxy!.restart();
      await expect.poll(() => mine("resolved").length, { timeout: 30_000 }).toBe(1);
      const resolved = mine("resolved")[0]!;
      expect(verifies(secret, resolved)).toBe(true);
      expect(resolved.json.alert.resolvedAt).not.toBeNull();
      expect(mine("opened")).toHaveLength(1); // delivered once, not again
      await page.getByRole("button", { name: t("alerts.filter.resolved") }).click();
      const row = page
        .getByRole("row")
        .filter({ hasText: proxy!.hostname })
        .filter({ hasText: t("alerts.kinds.proxy_offline") });
      await expect(row.getByRole("cell").first()).toHaveText(t("alerts.state.resolved"), { timeout: 20_000 });
      await shot(page, "alerts-resolved", lang);
    });

    await test.step("deleting the destination names what stops", async () => {
      await page.goto("/intl/settings");
      await settingsRow()
        .getByRole("button", { name: t("webhooks.rowActions", { name: hookName }) })
        .click();
      await page.getByRole("menuitem", { name: t("webhooks.delete.open") }).click();
      const confirm = page.getByRole("alertdialog", { name: t("webhooks.delete.title", { name: hookName }) });
      await expect(confirm.getByText(receiver.url, { exact: false })).toBeVisible();
      await confirm.getByRole("button", { name: t("webhooks.delete.submit") }).click();
      await expect(settingsRow()).toHaveCount(0);
    });
  } finally {
    await (restarted as { kill: () => Promise<unknown> } | null)?.kill();
    if (proxy) await (proxy as ProxyProcess).kill().catch(() => undefined);
    await receiver.close();
  }
});

test.describe("as the demo viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("alert rules and webhook destinations are read-only, and say why", async ({ page, t, lang }) => {
    await page.goto("/intl/settings");
    await expect(page.getByText(t("alertRules.readOnly"))).toBeVisible();
    await expect(page.getByText(t("webhooks.readOnly"))).toBeVisible();
    await expect(page.getByRole("button", { name: t("alertRules.save") })).toHaveCount(0);
    await expect(page.getByRole("button", { name: t("webhooks.add") })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: t("alerts.kinds.capacity_use") })).toBeDisabled();
    await shot(page, "settings-alerts-viewer", lang);
    await page.goto("/intl/alerts?state=all");
    await expect(page.getByRole("heading", { level: 1, name: t("alerts.title") })).toBeVisible();
    await expect(page.getByRole("button", { name: t("alerts.filter.all") })).toHaveAttribute("aria-pressed", "true");
  });
});
