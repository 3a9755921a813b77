// R9: a cluster with proxy servers or clients cannot be deleted; the dialog says why, with numbers.
import { clusterRow, expect, test } from "./fixtures";

// From the demo seed (scripts/lib/seed-demo.ts): a domain cluster with proxies and many clients.
const SEEDED = { region: "cn", name: "shanghai-vpc" } as const;

test("deleting a cluster that still has proxies and clients is refused with the reason", async ({ page, t, api, snap }) => {
  const seeded = await api.findByName(SEEDED.region, SEEDED.name);
  expect(seeded, `the demo seed must contain ${SEEDED.name} in ${SEEDED.region}`).toBeDefined();
  const { proxyCount: proxies, clientCount: clients } = seeded!;
  expect(proxies + clients).toBeGreaterThan(0);
  const row = clusterRow(page, SEEDED.name);

  await test.step("ask to delete the seeded cluster", async () => {
    await page.goto(`/${SEEDED.region}/clusters`);
    await row.getByRole("button", { name: t("clusters.actions.menuLabel", { name: SEEDED.name }) }).click();
    await page.getByRole("menuitem", { name: t("clusters.actions.delete") }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: t("deleteCluster.submit") })
      .click();
  });

  await test.step("the server's refusal is shown with the numbers and the way out", async () => {
    const dialog = page.getByRole("alertdialog", { name: t("deleteCluster.title") });
    await expect(dialog.getByText(t("deleteCluster.blockedTitle"))).toBeVisible();
    await expect(dialog.getByText(t("deleteCluster.blockedBody", { proxies, clients }))).toBeVisible();
    await expect(dialog.getByText(t("deleteCluster.stepProxies"))).toBeVisible();
    await expect(dialog.getByRole("button", { name: t("deleteCluster.submit") })).toHaveCount(0);
    await snap("blocked");
    await dialog
      .getByRole("button", { name: t("common.close") })
      .last()
      .click();
    await expect(dialog).toBeHidden();
  });

  await test.step("the cluster is still there", async () => {
    await expect(row).toBeVisible();
    expect(await api.findByName(SEEDED.region, SEEDED.name)).toBeDefined();
  });
});
