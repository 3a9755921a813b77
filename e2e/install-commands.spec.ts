// Install commands (SPEC §4 screen 7, R19): create a command for an online cluster (offline ones
// shown disabled with why), copy it, run the served Linux script for real in a temporary root —
// the server registers and heartbeats — then revoke it: the same command registers nothing more.
import { DEFAULT_PROXY_VERSION } from "../agent/protocol.mjs";
import { storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { agentLog, runInstallCommand, stopInstalledAgent, type InstalledAgent } from "./install-script";
import { OperatorApi } from "./operator-api";
import { startProxyProcess, type ProxyProcess } from "./proxy-process";

test("create → copy → run the served script → registered → revoke", async ({
  page,
  context,
  playwright,
  t,
  lang,
  api,
  uniqueName,
  snap,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const operator = await OperatorApi.open(playwright, baseURL!);
  const stamp = `${lang}-${Date.now().toString(36)}`;
  // The cluster's proxy is a real relay on a loopback address of this run's own: the command is
  // written against it, and the server it installs downloads, registers and reports through it.
  const proxyAddress = `127.0.0.${lang === "en" ? 2 : 3}`;
  const online = await api.create({ region: "intl", name: uniqueName("ic-online"), address: proxyAddress });
  const offline = await api.create({
    region: "intl",
    name: uniqueName("ic-offline"),
    address: `ic-off-${stamp}.proxy.example.net`,
  });
  const groupName = `e2e-group-${stamp}`;
  const dialog = page.getByRole("dialog", { name: t("installCommands.create.title") });
  const resultDialog = page.getByRole("dialog", { name: t("installCommands.result.title") });
  const agents: InstalledAgent[] = [];
  let proxy: ProxyProcess | null = null;
  let command = "";

  try {
    await test.step("the cluster gets an online proxy (manual deploy, heartbeats over the agent protocol)", async () => {
      const deploy = await operator.manualDeployCommand(online.id);
      proxy = await startProxyProcess({
        baseURL: baseURL!,
        command: deploy,
        version: DEFAULT_PROXY_VERSION,
        label: `ic-${lang}`,
        listen: `${proxyAddress}:${process.env.E2E_PROXY_PORT}`,
      });
      await expect.poll(() => operator.clusterStatus("intl", online.name)).toBe("online");
    });

    await test.step("the client-access link pre-selects the cluster; offline clusters say why they cannot be chosen", async () => {
      await page.goto(`/intl/install-commands?cluster=${online.id}`);
      await expect(page.getByRole("heading", { level: 1, name: t("installCommands.title") })).toBeVisible();
      await expect(page.getByText(t("installCommands.filter.cluster", { name: online.name }))).toBeVisible();
      await expect(page.getByRole("heading", { name: t("installCommands.empty.filteredTitle") })).toBeVisible();
      await page
        .getByRole("button", { name: t("installCommands.create.open") })
        .first()
        .click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("option", { name: new RegExp(online.name) })).toHaveAttribute("aria-selected", "true");
      const offlineOption = dialog.getByRole("option", { name: new RegExp(offline.name) });
      await expect(offlineOption).toHaveAttribute("aria-disabled", "true");
      await expect(offlineOption).toContainText(t("installCommands.create.clusterNoProxies"));
      await expect(dialog.getByRole("radio", { name: t("installCommands.create.createImageNo") })).toBeChecked();
      await expect(dialog.getByTestId("limitations-notice")).toContainText(t("limitations.title"));
    });

    await test.step("parameters (R19): a date in the past is refused, then 7 days, AWS, a new group, Linux", async () => {
      await dialog.getByRole("radio", { name: t("installCommands.create.expiryPresets.date") }).check();
      await dialog.getByLabel(t("installCommands.create.expiryDate"), { exact: true }).fill("2020-01-01T10:00");
      await expect(dialog.getByText(t("installCommands.create.dateInPast"))).toBeVisible();
      await dialog.getByRole("radio", { name: t("installCommands.create.expiryPresets.days7") }).check();
      await expect(dialog.getByTestId("expiry-summary")).toContainText("168");
      await dialog.getByLabel(t("installCommands.create.provider"), { exact: true }).selectOption("aws");
      await dialog.getByLabel(t("installCommands.create.group"), { exact: true }).selectOption("new");
      await dialog.getByLabel(t("installCommands.create.newGroupName")).fill(groupName);
      await expect(dialog.getByRole("radio", { name: t("installCommands.os.linux") })).toBeChecked();
      await snap("create-dialog");
      await dialog.getByRole("button", { name: t("installCommands.create.submit"), exact: true }).click();
    });

    await test.step("the command is shown once, with a copy button", async () => {
      await expect(resultDialog.getByTestId("shown-once")).toContainText(t("installCommands.result.onceTitle"));
      command = (await resultDialog.getByTestId("install-command").textContent())!.trim();
      expect(command).toBe(
        `curl -fsSL http://${proxyAddress}:${process.env.E2E_PROXY_PORT}/api/v1/install/${command.split("/install/")[1]!.split("/")[0]}/linux.sh | sudo bash`,
      );
      expect(command).toMatch(/\/install\/pin_[\w-]{43}\/linux\.sh/);
      const copy = resultDialog.getByRole("button", { name: t("installCommands.result.copyLabel") });
      await copy.click();
      await expect(copy).toHaveText(t("copyButton.copied"));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
      await snap("result");
      await resultDialog.getByRole("button", { name: t("installCommands.result.done") }).click();
      await expect(resultDialog).toBeHidden();
    });

    const hint = command.split("/install/")[1]!.slice(0, 8);
    const row = page.getByRole("row").filter({ has: page.getByText(t("installCommands.list.masked", { hint })) });

    await test.step("listed masked, with its parameters and no registration yet", async () => {
      await expect(row).toBeVisible();
      await expect(row.getByText(online.name)).toBeVisible();
      await expect(row.getByText(t("installCommands.providers.aws"))).toBeVisible();
      await expect(row.getByText(groupName)).toBeVisible();
      await expect(row.getByText(t("installCommands.status.active"), { exact: true })).toBeVisible();
      await expect(row.getByRole("cell").nth(4)).toHaveText("0");
      await expect(page.getByText(command)).toHaveCount(0);
    });

    await test.step("run the copied command: the served script installs and starts the agent, which registers", async () => {
      const agent = await runInstallCommand(command, `e2e-ic-${stamp}`, `10.252.${lang === "en" ? 1 : 2}.${Date.now() % 250}`);
      agents.push(agent);
      expect(agent.status, agent.output).toBe(0);
      // The script waits a while for the registration; on a loaded machine the agent may still be retrying it.
      expect(agent.output).toMatch(/registered with the console|registration is still being retried/);
    });

    await test.step("the server shows as registered (count links to Assets) and connected to the cluster", async () => {
      const link = row.getByRole("link", { name: t("installCommands.list.registrationsLink", { count: 1, hint }) });
      await expect(async () => {
        await page.getByRole("button", { name: t("common.refresh") }).click();
        await expect(link).toHaveText("1", { timeout: 2_000 });
      }).toPass({ timeout: 120_000 });
      const clients = await operator.call<{ items: { hostname: string; agentStatus: string; provider: string }[] }>(
        "GET",
        `/api/v1/clusters/${online.id}/clients`,
      );
      expect(clients.items).toEqual([expect.objectContaining({ hostname: `e2e-ic-${stamp}`, provider: "aws" })]);
      await expect
        .poll(
          async () => {
            const again = await operator.call<{ items: { agentStatus: string }[] }>(
              "GET",
              `/api/v1/clusters/${online.id}/clients`,
            );
            return again.items[0]?.agentStatus;
          },
          { timeout: 30_000 },
        )
        .toBe("online");
      await snap("registered");
      const commandId = await row.getAttribute("data-command-id");
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/intl/assets\\?installCommand=${commandId}$`));
      await page.goBack();
    });

    await test.step("revoke after confirming: the same command registers nothing more (R19)", async () => {
      await row.getByRole("button", { name: t("installCommands.list.revokeLabel", { hint }) }).click();
      const confirm = page.getByRole("alertdialog", { name: t("installCommands.revoke.title") });
      await expect(confirm.getByText(t("installCommands.revoke.effect", { count: 1 }))).toBeVisible();
      await confirm.getByRole("button", { name: t("installCommands.revoke.submit"), exact: true }).click();
      await expect(confirm).toBeHidden();
      await expect(row.getByText(t("installCommands.status.revoked"), { exact: true })).toBeVisible();
      await expect(row.getByRole("button", { name: t("installCommands.list.revokeLabel", { hint }) })).toHaveCount(0);
      const refused = await runInstallCommand(
        command,
        `e2e-ic-late-${stamp}`,
        `10.253.${lang === "en" ? 1 : 2}.${Date.now() % 250}`,
      );
      agents.push(refused);
      // The agent is refused with 410 and ends; the script reports it (or, when slow, the agent's log does).
      await expect.poll(() => `${refused.output}\n${agentLog(refused)}`, { timeout: 60_000 }).toContain("revoked");
      await page.getByRole("button", { name: t("installCommands.filter.all"), exact: true }).click();
      await page.getByRole("button", { name: t("installCommands.status.revoked"), exact: true }).click();
      await expect(page).toHaveURL(/status=revoked/);
      await expect(row.getByRole("link", { name: t("installCommands.list.registrationsLink", { count: 1, hint }) })).toHaveText(
        "1",
      );
      await snap("revoked");
    });
  } finally {
    for (const agent of agents) stopInstalledAgent(agent);
    await (proxy as ProxyProcess | null)?.kill();
    await operator.dispose();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("sees the commands but cannot create or revoke, and is told why", async ({ page, t }) => {
    await page.goto("/intl/install-commands");
    const reason = t("roles.viewerReason", { role: t("roles.names.viewer"), needed: t("roles.names.operator") });
    await expect(page.getByTestId("role-notice")).toHaveText(reason);
    const create = page.getByRole("button", { name: t("installCommands.create.open") }).first();
    await expect(create).toHaveAttribute("aria-disabled", "true");
    await expect(create).toHaveAccessibleDescription(reason);
    await create.click({ force: true });
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
});
