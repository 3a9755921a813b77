// The list's loading, empty, no-match and error states. Empty and failing answers are
// simulated at the network layer: the demo seed fills both regions and the server is healthy.
import { expect, test } from "./fixtures";

const LIST = "**/api/v1/clusters?region=*";

test("loading, empty, no-match and error states of the cluster list", async ({ page, t, snap }) => {
  await test.step("a slow answer shows the skeleton", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(LIST, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto("/intl/clusters");
    await expect(page.getByRole("status").filter({ hasText: t("clusters.loading") })).toBeAttached();
    await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "true");
    await snap("loading");
    release();
    await expect(page.getByRole("table").getByRole("rowheader").first()).toBeVisible();
    await page.unroute(LIST);
  });

  await test.step("a region without clusters invites to create one", async () => {
    await page.route(LIST, (route) => route.fulfill({ json: { items: [] } }));
    await page.goto("/cn/clusters");
    await expect(page.getByRole("heading", { name: t("clusters.empty.title") })).toBeVisible();
    await snap("empty");
    await page
      .getByRole("region", { name: t("clusters.empty.title") })
      .getByRole("button", { name: t("clusters.create") })
      .click();
    await expect(page.getByRole("dialog", { name: t("createCluster.title") })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.unroute(LIST);
  });

  await test.step("a search without matches says so and can be cleared", async () => {
    await page.goto("/intl/clusters?q=no-such-cluster-anywhere");
    await expect(
      page.getByRole("heading", { name: t("clusters.empty.searchTitle", { q: "no-such-cluster-anywhere" }) }),
    ).toBeVisible();
    await page
      .getByRole("region")
      .getByRole("button", { name: t("clusters.clearSearch") })
      .click();
    await expect(page).toHaveURL(/\/intl\/clusters$/);
    await expect(page.getByRole("table").getByRole("rowheader").first()).toBeVisible();
  });

  await test.step("a failing server shows the error with its request id, and retry recovers", async () => {
    await page.route(LIST, (route) =>
      route.fulfill({
        status: 500,
        json: { error: { code: "INTERNAL", message: "boom", requestId: "req-e2e-500" } },
      }),
    );
    await page.goto("/intl/clusters");
    const alert = page.getByRole("alert").filter({ hasText: t("clusters.loadError") });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert.getByText(t("errors.INTERNAL"))).toBeVisible();
    await expect(alert.getByText(t("common.requestId", { id: "req-e2e-500" }))).toBeVisible();
    await snap("error");
    await page.unroute(LIST);
    await alert.getByRole("button", { name: t("common.retry") }).click();
    await expect(page.getByRole("table").getByRole("rowheader").first()).toBeVisible();
  });
});
