// Issue 13: every destructive step asks first and names its consequence. On a cluster with an
// online proxy (a real daemon loop) and connected clients: stopping its last serving proxy warns
// with the number of clients; deleting its last proxy needs a tick that names them; then the
// guided deletion asks for the cluster's name before disconnecting the clients, names the proxy
// servers and what stays on them before deleting them, and confirms the cluster's delete.
import { DEFAULT_PROXY_VERSION } from "../agent/protocol.mjs";
import { expect, test } from "./fixtures";
import { OperatorApi } from "./operator-api";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";

const CLIENTS = 3;
/** OFFLINE_AFTER_SECONDS=5 in playwright.config.ts, plus a 3 s poll and some slack. */
const OFFLINE_WITHIN = { timeout: 25_000 };

test("destructive steps ask first and name their consequences", async ({
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
  const name = uniqueName("guided");
  const cluster = await api.create({
    region: "intl",
    name,
    address: `guided-${lang}-${Date.now().toString(36)}.proxy.example.net`,
  });
  const table = page.getByRole("table", { name: t("proxies.tableCaption", { name }) });
  const step = (n: number) => page.locator(`li[data-step="${n}"]`);
  let proxy: ProxyProcess | null = null;

  try {
    await test.step(`the cluster has an online proxy and ${CLIENTS} clients`, async () => {
      const deploy = await operator.manualDeployCommand(cluster.id);
      proxy = await startProxyProcess({
        baseURL: baseURL!,
        command: deploy,
        version: DEFAULT_PROXY_VERSION,
        label: `guided-${lang}`,
      });
      await expect.poll(() => operator.clusterStatus("intl", name)).toBe("online");
      const install = await operator.createInstallCommand({ clusterId: cluster.id });
      await operator.registerClients(install.command, `e2e-guided-${lang}-${Date.now().toString(36)}`, CLIENTS);
    });

    const openRowAction = async (action: "stop" | "delete") => {
      const row = table.getByRole("row").filter({ hasText: proxy!.hostname });
      await row.getByRole("button", { name: t("proxies.actions.menuLabel", { name: proxy!.hostname }) }).click();
      await page.getByRole("menuitem", { name: t(`proxies.actions.${action}`) }).click();
    };

    await test.step("stopping the last serving proxy warns that the clients lose their way in", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/proxies`);
      await expect(table.getByRole("row").filter({ hasText: proxy!.hostname })).toBeVisible();
      await openRowAction("stop");
      const dialog = page.getByRole("alertdialog", { name: t("proxies.stopDialog.title") });
      await expect(dialog.getByText(t("proxies.stopDialog.lastTitle"))).toBeVisible();
      await expect(dialog.getByTestId("stranded-clients")).toHaveText(
        t("proxies.stopDialog.lastBody", { name: proxy!.hostname, cluster: name, clients: CLIENTS }),
      );
      await snap("stop-last-proxy");
      await dialog.getByRole("button", { name: t("proxies.stopDialog.submit"), exact: true }).click();
      await expect(dialog).toBeHidden();
      expect((await proxy!.exited).reason).toBe("stopped");
      const row = table.getByRole("row").filter({ hasText: proxy!.hostname });
      await expect(row.getByText(t("proxies.status.offline"), { exact: true }).first()).toBeVisible(OFFLINE_WITHIN);
    });

    await test.step("deleting the last proxy of a cluster with clients needs a tick that names them", async () => {
      await openRowAction("delete");
      const dialog = page.getByRole("alertdialog", { name: t("proxies.deleteDialog.title") });
      await expect(dialog.getByText(t("proxies.deleteDialog.lastTitle", { cluster: name }))).toBeVisible();
      await expect(dialog.getByTestId("stranded-clients")).toHaveText(t("proxies.deleteDialog.lastBody", { clients: CLIENTS }));
      const submit = dialog.getByRole("button", { name: t("proxies.deleteDialog.submit"), exact: true });
      await expect(submit).toBeDisabled();
      await expect(dialog.getByText(t("proxies.deleteDialog.lastReason"))).toBeVisible();
      await dialog.getByRole("checkbox", { name: t("proxies.deleteDialog.lastConfirm", { clients: CLIENTS }) }).check();
      await expect(submit).toBeEnabled();
      await snap("delete-last-proxy");
      // Not this way: the guided deletion disconnects the clients first.
      await dialog.getByRole("button", { name: t("common.cancel") }).click();
      await expect(dialog).toBeHidden();
      await expect(table.getByRole("row").filter({ hasText: proxy!.hostname })).toBeVisible();
    });

    await test.step("guided 1: disconnecting all clients asks for the cluster's name", async () => {
      await page.goto(`/intl/clusters/${cluster.id}/delete`);
      await expect(step(1)).toHaveAttribute("data-state", "ready");
      await step(1)
        .getByRole("button", { name: t("guidedDelete.clients.action", { count: CLIENTS }) })
        .click();
      const dialog = page.getByRole("alertdialog", { name: t("clients.disconnect.allTitle") });
      await expect(dialog.getByText(t("clients.disconnect.allConfirm", { count: CLIENTS, name }))).toBeVisible();
      await expect(dialog.getByText(t("clients.disconnect.agentsStay"))).toBeVisible();
      const submit = dialog.getByRole("button", { name: t("clients.disconnect.submitAll", { count: CLIENTS }) });
      await expect(submit).toBeDisabled();
      await snap("guided-disconnect");
      // Nothing happened yet: the step still holds the clients.
      await expect(step(1)).toHaveAttribute("data-state", "ready");
      await dialog.getByLabel(t("clients.disconnect.typeName", { name })).fill(name);
      await submit.click();
      await expect(dialog).toBeHidden();
      await expect(step(1)).toHaveAttribute("data-state", "done");
      await expect(step(2)).toHaveAttribute("data-state", "done");
    });

    await test.step("guided 3: deleting the proxy servers names them and what stays on each", async () => {
      await expect(step(3)).toHaveAttribute("data-state", "ready");
      await step(3)
        .getByRole("button", { name: t("guidedDelete.proxies.action", { count: 1 }) })
        .click();
      const dialog = page.getByRole("alertdialog", { name: t("guidedDelete.proxies.confirmTitle") });
      await expect(dialog.getByText(t("guidedDelete.proxies.confirm", { count: 1, name, hosts: proxy!.hostname }))).toBeVisible();
      await expect(dialog.getByText(t("guidedDelete.proxies.manual", { count: 1 }))).toBeVisible();
      await snap("guided-delete-proxies");
      await expect(step(3)).toHaveAttribute("data-state", "ready");
      await dialog.getByRole("button", { name: t("guidedDelete.proxies.action", { count: 1 }) }).click();
      await expect(dialog).toBeHidden();
      await expect(step(3)).toHaveAttribute("data-state", "done");
    });

    await test.step("guided 4: deleting the cluster is confirmed too, then back to the list", async () => {
      await expect(step(4)).toHaveAttribute("data-state", "ready");
      await step(4)
        .getByRole("button", { name: t("guidedDelete.cluster.action") })
        .click();
      const dialog = page.getByRole("alertdialog", { name: t("deleteCluster.title") });
      await expect(dialog.getByText(t("deleteCluster.confirm", { name }))).toBeVisible();
      await snap("guided-delete-cluster");
      await expect(page).toHaveURL(new RegExp(`/intl/clusters/${cluster.id}/delete$`));
      await dialog.getByRole("button", { name: t("deleteCluster.submit") }).click();
      await expect(page).toHaveURL(/\/intl\/clusters$/);
      await expect(page.getByText(t("deleteCluster.deleted", { name }))).toBeVisible();
    });
  } finally {
    await (proxy as ProxyProcess | null)?.kill();
    await operator.dispose();
  }
});
