// The main journey of screen 1: create a cluster, find it, edit its description, delete it.
import { clusterRow, expect, test, type ActionKey } from "./fixtures";

test("create, find, edit and delete a proxy cluster", async ({ page, t, uniqueName, snap }) => {
  const name = uniqueName("journey");
  const row = clusterRow(page, name);

  await test.step("open the proxy clusters of the Global region", async () => {
    await page.goto("/intl/clusters");
    await expect(page.getByRole("heading", { level: 1, name: t("clusters.title") })).toBeVisible();
    await expect(
      page.getByRole("table", { name: t("clusters.tableCaption", { region: t("shell.regions.intl") }) }),
    ).toBeVisible();
    await snap("list");
  });

  await test.step("create a cluster; the dialog explains R3 and R4 live", async () => {
    await page
      .getByRole("button", { name: t("clusters.create") })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: t("createCluster.title") });
    await expect(dialog.getByText(t("createCluster.immutableNote"))).toBeVisible();
    await dialog.getByLabel(t("createCluster.name")).fill(name);
    const address = dialog.getByLabel(t("createCluster.address"));
    await address.fill("proxy.e2e.example.com");
    await expect(dialog.getByText(t("createCluster.addressDomain"))).toBeVisible();
    await address.fill("10.1.2.3");
    await expect(dialog.getByText(t("createCluster.addressIp"))).toBeVisible();
    await dialog.getByLabel(t("createCluster.descriptionLabel")).fill("first description");
    await snap("create-dialog");
    // Hold the request to see the form while it is submitting: no double submit possible.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/clusters", async (route) => {
      await held;
      await route.fallback();
    });
    await dialog.getByRole("button", { name: t("createCluster.submit"), exact: true }).click();
    await expect(dialog.getByRole("button", { name: t("createCluster.submitting") })).toBeDisabled();
    release();
    await expect(dialog).toBeHidden();
    await page.unroute("**/api/v1/clusters");
    await expect(page.getByText(t("createCluster.created", { name }))).toBeVisible();
  });

  await test.step("see it listed: IP badge, offline without proxies, no clients", async () => {
    await expect(row).toBeVisible();
    await expect(row.getByText("10.1.2.3")).toBeVisible();
    await expect(row.getByText(t("clusters.addressKind.ipv4"), { exact: true })).toBeVisible();
    await expect(row.getByText(t("clusters.status.offline"))).toBeVisible();
    await expect(row.getByText(t("clusters.status.noProxies"))).toBeVisible();
    await expect(row.getByRole("link", { name: t("clusters.clientsLink", { count: 0, name }) })).toHaveText("0");
  });

  await test.step("search by name keeps the query in the URL", async () => {
    await page.getByRole("searchbox", { name: t("clusters.searchLabel") }).fill(name);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${name}`));
    await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(1);
    await expect(row).toBeVisible();
  });

  await test.step("edit the description; name and address are read-only", async () => {
    const action = (key: ActionKey) => ({ name: t("clusters.actions.rowAction", { action: t(key), name }) });
    await expect(row.getByRole("link", action("clusters.actions.deployProxy"))).toBeVisible();
    await row.getByRole("button", action("clusters.actions.edit")).click();
    const dialog = page.getByRole("dialog", { name: t("editCluster.title") });
    await expect(dialog.getByLabel(t("createCluster.name"))).toHaveValue(name);
    await expect(dialog.getByLabel(t("createCluster.name"))).toHaveAttribute("readonly", "");
    await expect(dialog.getByText(t("editCluster.fixedNote"))).toBeVisible();
    // Nothing changed yet: Save is disabled and says why.
    const save = dialog.getByRole("button", { name: t("editCluster.submit"), exact: true });
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription(t("common.nothingChanged"));
    await snap("edit-dialog-unchanged");
    await dialog.getByLabel(t("createCluster.descriptionLabel")).fill("edited by the e2e journey");
    await expect(save).toBeEnabled();
    await snap("edit-dialog");
    await save.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(t("editCluster.saved", { name }))).toBeVisible();
    await expect(row.getByText("edited by the e2e journey")).toBeVisible();
  });

  await test.step("delete it after confirming", async () => {
    await row
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.delete"), name }) })
      .click();
    const dialog = page.getByRole("alertdialog", { name: t("deleteCluster.title") });
    await expect(dialog.getByText(t("deleteCluster.confirm", { name }))).toBeVisible();
    await snap("delete-dialog");
    await dialog.getByRole("button", { name: t("deleteCluster.submit") }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(t("deleteCluster.deleted", { name }))).toBeVisible();
    await expect(row).toHaveCount(0);
  });
});
