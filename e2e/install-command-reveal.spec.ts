// Install commands, issue 13 point 13: an operator shows a command again from the list and copies
// it (until it expires or is revoked); a viewer cannot; a command whose cluster was deleted names
// that cluster; the create dialog's cluster picker is searchable by keyboard and says why a
// cluster cannot be chosen.
import type { APIRequestContext } from "@playwright/test";
import { DEFAULT_PROXY_VERSION } from "../agent/protocol.mjs";
import { storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { OperatorApi } from "./operator-api";
import { deployTokenOf } from "./proxy-process";

const hintOf = (command: string) => command.split("/install/")[1]!.slice(0, 8);

test("show a command again from the list and copy it; a deleted cluster is named", async ({
  page,
  context,
  playwright,
  t,
  api,
  uniqueName,
  snap,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const operator = await OperatorApi.open(playwright, baseURL!);
  try {
    const direct = await operator.createInstallCommand({ clusterId: null });
    const doomedName = uniqueName("ic-doomed");
    const doomed = await api.create({ region: "intl", name: doomedName, address: `${doomedName}.proxy.example.net` });
    const ofDeleted = await operator.createInstallCommand({ clusterId: doomed.id });
    await operator.call("DELETE", `/api/v1/clusters/${doomed.id}`);

    await page.goto("/intl/install-commands");
    const row = (command: string) =>
      page.getByRole("row").filter({ has: page.getByText(t("installCommands.list.masked", { hint: hintOf(command) })) });

    await test.step("the list keeps the command masked until asked", async () => {
      await expect(row(direct.command)).toBeVisible();
      await expect(page.getByText(direct.command)).toHaveCount(0);
    });

    await test.step("Show command opens it with a copy button; the copy is the command", async () => {
      const show = row(direct.command).getByRole("button", {
        name: t("installCommands.list.revealLabel", { hint: hintOf(direct.command) }),
      });
      await show.click();
      const dialog = page.getByRole("dialog", { name: t("installCommands.reveal.title", { hint: hintOf(direct.command) }) });
      await expect(dialog.getByTestId("revealed-command")).toHaveText(direct.command);
      await expect(dialog.getByText(t("installCommands.reveal.audited"))).toBeVisible();
      const copy = dialog.getByRole("button", { name: t("installCommands.result.copyLabel") });
      await copy.click();
      await expect(copy).toHaveText(t("copyButton.copied"));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(direct.command);
      await snap("revealed");
      await dialog.getByRole("button", { name: t("installCommands.result.done") }).click();
      await expect(dialog).toBeHidden();
      await expect(show).toBeFocused();
    });

    await test.step("the reveal is in the audit log", async () => {
      const { items } = await operator.call<{ items: { action: string; target: { id: string | null } }[] }>(
        "GET",
        `/api/v1/audit-events?action=install_command.reveal`,
      );
      expect(items.map((e) => e.target.id)).toContain(direct.id);
    });

    await test.step("a command whose cluster was deleted names it, and was revoked with it", async () => {
      const deletedRow = row(ofDeleted.command);
      await expect(deletedRow.getByTestId("deleted-cluster")).toHaveText(
        t("installCommands.list.deletedCluster", { name: doomedName }),
      );
      await expect(deletedRow.getByText(t("installCommands.list.direct"))).toHaveCount(0);
      await page.getByRole("button", { name: t("installCommands.filter.all"), exact: true }).click();
      await page.getByRole("button", { name: t("installCommands.status.revoked"), exact: true }).click();
      await expect(deletedRow.getByRole("button", { name: t("installCommands.list.reveal") })).toHaveCount(0);
      await snap("deleted-cluster");
    });
  } finally {
    await operator.dispose();
  }
});

test("the cluster picker: search, keyboard, and why a cluster cannot be chosen", async ({
  page,
  playwright,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
}) => {
  const operator = await OperatorApi.open(playwright, baseURL!);
  const agentSide = await playwright.request.newContext({ baseURL });
  const prefix = `pick-${lang}-${Date.now().toString(36)}`;
  const online = await api.create({ region: "intl", name: uniqueName(`${prefix}-a`), address: `${prefix}-a.example.net` });
  const offline = await api.create({ region: "intl", name: uniqueName(`${prefix}-b`), address: `${prefix}-b.example.net` });
  // The online cluster's proxy: registered with a manual deploy token, heartbeating until the end.
  const proxy = await agentPost<{ proxyId: string; credential: string }>(agentSide, "/api/v1/agent/proxies/register", {
    deployToken: deployTokenOf(await operator.manualDeployCommand(online.id)),
    hostname: `e2e-${prefix}-proxy`,
    os: "linux",
    osVersion: "Ubuntu 24.04",
    ips: [`10.241.${Date.now() % 250}.${lang === "en" ? 1 : 2}`],
    type: "host",
    cpuCores: 8,
    memoryMb: 16384,
    agentVersion: "3.3.0",
    proxyVersion: DEFAULT_PROXY_VERSION,
  });
  let beating = true;
  const beat = () =>
    agentPost(
      agentSide,
      `/api/v1/agent/proxies/${proxy.proxyId}/heartbeat`,
      { proxyVersion: DEFAULT_PROXY_VERSION, policyVersion: null, connectedClients: 0, bytesRelayed: 0, cacheBytes: 0 },
      proxy.credential,
    );
  await beat();
  const loop = (async () => {
    while (beating) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (beating) await beat().catch(() => undefined);
    }
  })();

  try {
    await page.goto("/intl/install-commands");
    await page
      .getByRole("button", { name: t("installCommands.create.open") })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: t("installCommands.create.title") });
    const search = dialog.getByRole("combobox", { name: t("installCommands.create.clusterLegend") });
    const selected = dialog.getByTestId("cluster-picker-selected");
    // The picker's own options (the dialog's selects have options too).
    const options = dialog.getByRole("listbox", { name: t("installCommands.create.clusterLegend") }).getByRole("option");

    await test.step("typing narrows the list to the matching clusters, usable first", async () => {
      await search.fill(prefix);
      await expect(options).toHaveCount(2);
      await expect(dialog.getByTestId("cluster-picker-count")).toHaveText(
        t("installCommands.create.clusterMatches", { count: 2 }),
      );
      await expect(options.first()).toContainText(online.name);
    });

    await test.step("an unusable cluster is listed, disabled, with why; Enter does not pick it", async () => {
      const unusable = dialog.getByRole("option", { name: new RegExp(offline.name) });
      await expect(unusable).toHaveAttribute("aria-disabled", "true");
      await expect(unusable).toContainText(t("installCommands.create.clusterNoProxies"));
      await search.press("ArrowDown");
      await expect(search).toHaveAttribute("aria-activedescendant", (await unusable.getAttribute("id"))!);
      await search.press("Enter");
      await expect(selected).toHaveText(t("installCommands.create.clusterNoneSelected"));
      await expect(dialog).toBeVisible();
    });

    await test.step("the keyboard picks a usable cluster", async () => {
      await search.press("Home");
      await search.press("Enter");
      await expect(dialog.getByRole("option", { name: new RegExp(online.name) })).toHaveAttribute("aria-selected", "true");
      await expect(selected).toHaveText(
        t("installCommands.create.clusterSelected", { name: online.name, address: online.address }),
      );
      await snap("cluster-picker");
    });

    await test.step("a search nothing matches says so", async () => {
      await search.fill(`${prefix}-nothing`);
      await expect(options).toHaveCount(0);
      await expect(dialog.getByTestId("cluster-picker-count")).toHaveText(t("installCommands.create.clusterNoMatch"));
    });
  } finally {
    beating = false;
    await loop;
    await agentSide.dispose();
    await operator.dispose();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("sees Show command disabled, with the reason", async ({ page, t, playwright, baseURL }) => {
    const operator = await OperatorApi.open(playwright, baseURL!);
    try {
      const created = await operator.createInstallCommand({ clusterId: null });
      await page.goto("/intl/install-commands");
      const show = page.getByRole("button", { name: t("installCommands.list.revealLabel", { hint: hintOf(created.command) }) });
      const reason = t("roles.viewerReason", { role: t("roles.names.viewer"), needed: t("roles.names.operator") });
      await expect(show).toHaveAttribute("aria-disabled", "true");
      await expect(show).toHaveAccessibleDescription(reason);
      await show.click({ force: true });
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await expect(page.getByText(created.command)).toHaveCount(0);
    } finally {
      await operator.dispose();
    }
  });
});

async function agentPost<T>(request: APIRequestContext, path: string, data: unknown, credential?: string): Promise<T> {
  const headers: Record<string, string> = credential ? { authorization: `Bearer ${credential}` } : {};
  const response = await request.post(path, { data, headers });
  expect(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
