// The frame around every page: redirects, region in the path, navigation, language, keyboard.
import { expect, test } from "./fixtures";

test("navigation, region switch, language switch and keyboard access", async ({ page, t, lang, context, api }) => {
  const nav = page.getByRole("navigation", { name: t("shell.mainNavLabel") });
  const regions = page.getByRole("navigation", { name: t("shell.regionLabel") });

  await test.step("/ opens the proxy clusters of the Global region", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/intl\/clusters$/);
    await expect(nav.getByRole("link", { name: t("shell.nav.clusters") })).toHaveAttribute("aria-current", "page");
    await expect(regions.getByRole("link", { name: t("shell.regions.intl"), exact: true })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  });

  await test.step("the skip link is the first stop and moves focus to the main content", async () => {
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: t("shell.skipToContent") });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  await test.step("another section opens from the navigation and is marked current", async () => {
    await nav.getByRole("link", { name: t("shell.nav.assets") }).click();
    await expect(page).toHaveURL(/\/intl\/assets$/);
    await expect(page.getByRole("heading", { level: 1, name: t("assets.title") })).toBeVisible();
    await expect(nav.getByRole("link", { name: t("shell.nav.assets") })).toHaveAttribute("aria-current", "page");
  });

  await test.step("switching the region keeps the section and is remembered", async () => {
    await regions.getByRole("link", { name: t("shell.regions.cn"), exact: true }).click();
    await expect(page).toHaveURL(/\/cn\/assets$/);
    await expect(regions.getByRole("link", { name: t("shell.regions.cn"), exact: true })).toHaveAttribute("aria-current", "true");
    await page.goto("/");
    await expect(page).toHaveURL(/\/cn\/clusters$/);
  });

  await test.step("while the other region's clusters load, this region's rows are not shown under its name", async () => {
    await page.goto("/intl/clusters");
    await expect(page.getByRole("rowheader", { name: "tokyo-dc-ip" })).toBeVisible();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/clusters?region=cn*", async (route) => {
      await held;
      await route.fallback();
    });
    await regions.getByRole("link", { name: t("shell.regions.cn"), exact: true }).click();
    await expect(page).toHaveURL(/\/cn\/clusters$/);
    await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("rowheader", { name: "tokyo-dc-ip" })).toHaveCount(0);
    release();
    await expect(page.getByRole("rowheader", { name: "shanghai-vpc" })).toBeVisible();
    await page.unroute("**/api/v1/clusters?region=cn*");
  });

  await test.step("an unknown region is a 404", async () => {
    const response = await page.goto("/mars/clusters");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: t("notFound.title") })).toBeVisible();
  });

  await test.step("the row actions work with the keyboard", async () => {
    await page.goto("/cn/clusters");
    const trigger = page.getByRole("button", {
      name: t("clusters.actions.rowAction", { action: t("clusters.actions.edit"), name: "beijing-staging" }),
    });
    await trigger.focus();
    // Tab moves on to the next action of the row.
    await page.keyboard.press("Shift+Tab");
    await expect(
      page.getByRole("link", {
        name: t("clusters.actions.rowAction", { action: t("clusters.actions.serverInfo"), name: "beijing-staging" }),
      }),
    ).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(trigger).toBeFocused();
    // A dialog opened from a row takes focus, and gives it back to the row's button.
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: t("editCluster.title") });
    await expect(dialog.getByLabel(t("createCluster.descriptionLabel"))).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  await test.step("the connected-clients count links to the cluster's client list", async () => {
    const seeded = await api.findByName("cn", "shanghai-vpc");
    expect(seeded, "the demo seed must contain shanghai-vpc in cn").toBeDefined();
    await page
      .getByRole("link", { name: t("clusters.clientsLink", { count: seeded!.clientCount, name: "shanghai-vpc" }) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/cn/clusters/${seeded!.id}/clients$`));
    await expect(page.getByRole("heading", { level: 1, name: t("clients.title") })).toBeVisible();
    await expect(nav.getByRole("link", { name: t("shell.nav.clusters") })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: t("clients.back") }).click();
    await expect(page).toHaveURL(/\/cn\/clusters$/);
  });

  await test.step("the language switch changes every text and is kept in a cookie", async () => {
    const other = lang === "en" ? "ja" : "en";
    await page
      .getByRole("group", { name: t("shell.languageLabel") })
      .getByRole("button", { name: other === "ja" ? "日本語" : "English" })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    const next = other === "ja" ? "プロキシクラスター" : "Proxy clusters";
    await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe(other);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
  });
});
