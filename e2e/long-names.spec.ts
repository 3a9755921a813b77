// Long names and addresses (issue 13 item 15): a 64-character cluster name wraps inside the
// dialogs that show it, and a contact address cut short in the list is readable in full on hover
// and on keyboard focus.
import type { Locator } from "@playwright/test";
import { clusterRow, expect, test } from "./fixtures";
import { shot } from "./shots";

/** Nothing in the dialog is wider than the dialog: no horizontal overflow, no text outside it. */
async function expectNoSidewaysOverflow(dialog: Locator, name: string) {
  const box = await dialog.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  const [dialogBox, nameBox] = await Promise.all([dialog.boundingBox(), dialog.getByText(name).first().boundingBox()]);
  expect(nameBox!.x + nameBox!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
}

test("a 64-character name stays inside the dialogs; a long address reads in full on focus", async ({
  page,
  t,
  lang,
  api,
  uniqueName,
}) => {
  const base = uniqueName("long");
  const name = `${base}-${"n".repeat(64)}`.slice(0, 64);
  const address = `${"a".repeat(60)}.${lang}-${Date.now().toString(36)}.proxy.example.net`;
  expect(name).toHaveLength(64);
  const cluster = await api.create({ region: "intl", name, address });

  await test.step("the install-command dialog lists the cluster without spilling", async () => {
    await page.goto(`/intl/install-commands?cluster=${cluster.id}`);
    await page
      .getByRole("button", { name: t("installCommands.create.open") })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: t("installCommands.create.title") });
    // The picker's option (the line above it says which cluster is selected, with the name too).
    const option = dialog.getByRole("option").filter({ hasText: name });
    await expect(option).toBeAttached();
    await option.scrollIntoViewIfNeeded();
    await expectNoSidewaysOverflow(dialog, name);
    await shot(page, "install-command-long-name", lang);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  await test.step("the proxy settings dialog, titled with the name, wraps it", async () => {
    await page.goto(`/intl/clusters?q=${base}`);
    await clusterRow(page, name)
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.proxySettings"), name }) })
      .click();
    const dialog = page.getByRole("dialog", { name: t("policy.title", { name }) });
    await expect(dialog).toBeVisible();
    await expectNoSidewaysOverflow(dialog, name);
    await page.keyboard.press("Escape");
  });

  await test.step("the address cut short in the list reads in full on keyboard focus and on hover", async () => {
    const cut = clusterRow(page, name).getByText(address, { exact: true });
    await expect(cut).toHaveAttribute("title", address);
    await cut.focus();
    await expect(page.getByRole("tooltip")).toHaveText(address);
    await shot(page, "clusters-long-address", lang);
    await cut.blur();
    await expect(page.getByRole("tooltip")).toHaveCount(0);
    await cut.hover();
    await expect(page.getByRole("tooltip")).toHaveText(address);
  });
});
