// Proxy settings (SPEC §4 screen 8, R14, R17, R18): for a cluster with 50 clients, the dialog
// shows the clients' need against 60% of a custom bandwidth as it is typed; a limit under the line
// is refused by the server with its numbers; cache mode validates the path and saves a new version.
import { DEFAULT_PROXY_VERSION } from "../agent/protocol.mjs";
import { storageStatePath } from "./auth-state";
import { clusterRow, expect, test } from "./fixtures";
import { OperatorApi } from "./operator-api";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";

const CLIENTS = 50;

test("custom bandwidth under the 60% line is refused with the numbers; cache mode saves version 2", async ({
  page,
  playwright,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const operator = await OperatorApi.open(playwright, baseURL!);
  const n = (value: number) => new Intl.NumberFormat(lang).format(value);
  const name = uniqueName("policy");
  const cluster = await api.create({
    region: "intl",
    name,
    address: `policy-${lang}-${Date.now().toString(36)}.proxy.example.net`,
  });
  const dialog = page.getByRole("dialog", { name: t("policy.title", { name }) });
  const bandwidth = dialog.getByRole("textbox", { name: t("policy.backflow.bandwidthLimit"), exact: true });
  let proxy: ProxyProcess | null = null;

  const openSettings = async () => {
    await page.goto(`/intl/clusters?q=${name}`);
    await clusterRow(page, name)
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.proxySettings"), name }) })
      .click();
    await expect(dialog).toBeVisible();
  };

  try {
    await test.step(`the cluster has an online proxy and ${CLIENTS} clients`, async () => {
      const deploy = await operator.manualDeployCommand(cluster.id);
      proxy = await startProxyProcess({
        baseURL: baseURL!,
        command: deploy,
        version: DEFAULT_PROXY_VERSION,
        label: `policy-${lang}`,
      });
      await expect.poll(() => operator.clusterStatus("intl", name)).toBe("online");
      const install = await operator.createInstallCommand({ clusterId: cluster.id });
      await operator.registerClients(install.command, `e2e-policy-${lang}-${Date.now().toString(36)}`, CLIENTS);
    });

    await test.step("the dialog opens on the default: backflow, unlimited, version 1, the need in numbers (R14)", async () => {
      await openSettings();
      await expect(dialog.getByTestId("policy-version")).toContainText(t("policy.version", { version: 1 }));
      await expect(dialog.getByRole("radio", { name: new RegExp(t("policy.modes.backflow")) })).toBeChecked();
      const need = t("policy.headroom.need", { count: CLIENTS, perClient: n(10), required: n(500) });
      await expect(dialog.getByTestId("headroom")).toContainText(need);
      await expect(dialog.getByTestId("headroom")).toContainText(t("policy.headroom.unlimited"));
    });

    const over = { percent: n(83.3), limit: n(600), allowed: n(360), over: n(140), minimum: n(834), line: n(60) };
    await test.step("a custom 600 Kbit/s: over the 60% line, live as it is typed (R17)", async () => {
      await dialog
        .getByRole("group", { name: t("policy.backflow.bandwidth") })
        .getByRole("radio", { name: t("policy.backflow.custom") })
        .check();
      await bandwidth.fill("600");
      const meter = dialog.getByRole("meter", { name: t("policy.headroom.meterLabel") });
      await expect(meter).toHaveAttribute("aria-valuenow", "83.3");
      await expect(dialog.getByTestId("headroom")).toContainText(t("policy.headroom.over", { ...over, headroom: n(-140) }));
    });

    await test.step("saving anyway is refused by the server with its numbers", async () => {
      await dialog.getByRole("button", { name: t("policy.save"), exact: true }).click();
      const refusal = dialog.getByTestId("headroom-refusal");
      await expect(refusal).toContainText(t("policy.refused.title"));
      await expect(refusal).toContainText(
        t("policy.refused.body", { count: CLIENTS, required: n(500), limit: n(600), allowed: n(360), minimum: n(834) }),
      );
      await snap("refused");
    });

    await test.step("typing 1,000 Kbit/s brings it within the line; the refusal no longer applies", async () => {
      await bandwidth.fill("1000");
      await expect(dialog.getByTestId("headroom")).toContainText(
        t("policy.headroom.within", {
          percent: n(50),
          limit: n(1000),
          allowed: n(600),
          headroom: n(100),
          over: n(-100),
          minimum: n(834),
          line: n(60),
        }),
      );
      await expect(dialog.getByTestId("headroom-refusal")).toHaveCount(0);
    });

    await test.step("cache mode (R18): the path is checked, the file shown, at least one data type kept", async () => {
      await dialog.getByRole("radio", { name: new RegExp(t("policy.modes.cache")) }).check();
      const directory = dialog.getByLabel(t("policy.cache.directory"), { exact: true });
      await expect(directory).toHaveValue("/usr/local/aegis/proxy/log");
      await expect(dialog.getByTestId("cache-file")).toHaveText("/usr/local/aegis/proxy/log/export.log");
      await directory.fill("var/aegis");
      await expect(dialog.getByText(t("validation.pathNotAbsolute"))).toBeVisible();
      await directory.fill("/data/../etc");
      await expect(dialog.getByText(t("validation.pathDotDot"))).toBeVisible();
      await directory.fill("/data/aegis/cache");
      await expect(dialog.getByTestId("cache-file")).toHaveText("/data/aegis/cache/export.log");
      const types = dialog.getByRole("group", { name: t("policy.cache.dataTypes") }).getByRole("checkbox");
      for (const box of await types.all()) await box.uncheck();
      await expect(dialog.getByText(t("validation.chooseAtLeast", { minimum: 1 }))).toBeVisible();
      await types.nth(0).check();
      await types.nth(3).check();
      await snap("cache");
      await dialog.getByRole("button", { name: t("policy.save"), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(t("policy.saved", { name, version: 2 }))).toBeVisible();
    });

    await test.step("reopened: cache mode, the new directory, version 2", async () => {
      await openSettings();
      await expect(dialog.getByTestId("policy-version")).toContainText(t("policy.version", { version: 2 }));
      await expect(dialog.getByRole("radio", { name: new RegExp(t("policy.modes.cache")) })).toBeChecked();
      await expect(dialog.getByLabel(t("policy.cache.directory"), { exact: true })).toHaveValue("/data/aegis/cache");
      const policy = await operator.call<{ mode: string; version: number; dataTypes: string[] }>(
        "GET",
        `/api/v1/clusters/${cluster.id}/policy`,
      );
      expect(policy).toMatchObject({ mode: "cache", version: 2 });
      expect(policy.dataTypes).toHaveLength(2);
    });
  } finally {
    await (proxy as ProxyProcess | null)?.kill();
    await operator.dispose();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("opens the proxy settings read-only and is told why", async ({ page, t, api, uniqueName }) => {
    const name = uniqueName("policy-viewer");
    await api.create({ region: "intl", name, address: `policy-viewer-${Date.now().toString(36)}.proxy.example.net` });
    await page.goto(`/intl/clusters?q=${name}`);
    await clusterRow(page, name)
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.proxySettings"), name }) })
      .click();
    const dialog = page.getByRole("dialog", { name: t("policy.title", { name }) });
    const reason = t("roles.viewerReason", { role: t("roles.names.viewer"), needed: t("roles.names.operator") });
    await expect(dialog.getByTestId("role-notice")).toHaveText(reason);
    await expect(dialog.getByRole("radio", { name: new RegExp(t("policy.modes.cache")) })).toBeDisabled();
    await expect(dialog.getByRole("button", { name: t("policy.save"), exact: true })).toHaveAttribute("aria-disabled", "true");
  });
});
