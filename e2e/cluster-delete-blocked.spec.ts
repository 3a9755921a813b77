// R9: a cluster with proxy servers or clients cannot be deleted; the guided deletion says why, with numbers.
import { clusterRow, expect, test } from "./fixtures";

// From the demo seed (scripts/lib/seed-demo.ts): a domain cluster with proxies and many clients.
const SEEDED = { region: "cn", name: "shanghai-vpc" } as const;

test("deleting a cluster that still has proxies and clients is refused with the reason", async ({ page, t, api, snap }) => {
  const seeded = await api.findByName(SEEDED.region, SEEDED.name);
  expect(seeded, `the demo seed must contain ${SEEDED.name} in ${SEEDED.region}`).toBeDefined();
  const { proxyCount: proxies, clientCount: clients } = seeded!;
  expect(proxies + clients).toBeGreaterThan(0);
  const row = clusterRow(page, SEEDED.name);

  await test.step("ask to delete the seeded cluster: a non-empty one opens the guided deletion", async () => {
    await page.goto(`/${SEEDED.region}/clusters`);
    await row
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.delete"), name: SEEDED.name }) })
      .click();
    await expect(page.getByRole("heading", { name: t("guidedDelete.title", { name: SEEDED.name }) })).toBeVisible();
  });

  await test.step("the last step is blocked with the numbers (R9)", async () => {
    const last = page.locator('li[data-step="4"]');
    await expect(last).toHaveAttribute("data-state", "blocked");
    await expect(last.getByText(t("guidedDelete.cluster.blocked", { proxies, clients }))).toBeVisible();
    await expect(last.getByRole("button", { name: t("guidedDelete.cluster.action") })).toHaveCount(0);
    await snap("blocked");
    await page.goto(`/${SEEDED.region}/clusters`);
  });

  await test.step("the cluster is still there", async () => {
    await expect(row).toBeVisible();
    expect(await api.findByName(SEEDED.region, SEEDED.name)).toBeDefined();
  });
});
