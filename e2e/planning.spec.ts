// Issue 7: the planner in the create-cluster dialog (R13, R14, R4), and the guided deletion of a
// seeded cluster walked to the end (SPEC screen 9) — in Japanese.
import { clusterRow, expect, test } from "./fixtures";

test("the planner sizes 15,000 servers on 8-core/16 GB proxies", async ({ page, t, snap }) => {
  await page.goto("/intl/clusters");
  await page.getByRole("button", { name: t("clusters.create") }).click();
  const dialog = page.getByRole("dialog", { name: t("createCluster.title") });
  await dialog.getByText(t("planning.panelToggle")).click();

  await test.step("type the expected servers and the proxy size", async () => {
    await dialog.getByLabel(t("planning.servers")).fill("15000");
    await dialog.getByLabel(t("planning.cores")).fill("8");
    await dialog.getByLabel(t("planning.memory")).fill("16");
  });

  await test.step("3 proxies, a domain address, 150,000 Kbit/s", async () => {
    const results = dialog.getByTestId("plan-results");
    await expect(results).toContainText(t("planning.proxiesNeededValue", { count: 3 }));
    await expect(results).toContainText(t("planning.kbps", { value: "150,000" }));
    await expect(results.getByText(t("planning.domainRequired"))).toBeVisible();
  });

  await test.step("an uplink of 200,000 Kbit/s is over the 60% guidance", async () => {
    await dialog.getByLabel(t("planning.uplink")).fill("200000");
    await expect(dialog.getByText(t("planning.uplinkOver", { minimum: "250,000" }))).toBeVisible();
    await dialog.getByTestId("plan-results").scrollIntoViewIfNeeded();
    await snap("planner");
  });
});

test("a cluster's detail page and its planner start from the real numbers", async ({ page, t, api, snap }) => {
  const seeded = await api.findByName("cn", "shanghai-vpc");
  expect(seeded, "the demo seed must contain shanghai-vpc").toBeDefined();
  await page.goto("/cn/clusters");
  // The first list load can be slow on a loaded machine (the demo fleet starts alongside).
  await expect(clusterRow(page, "shanghai-vpc")).toBeVisible({ timeout: 30_000 });
  await expect(clusterRow(page, "shanghai-vpc").getByTestId("capacity-meter")).toBeVisible();
  await snap("cluster-list-meter");
  await clusterRow(page, "shanghai-vpc").getByRole("link", { name: "shanghai-vpc", exact: true }).click();
  await expect(page.getByRole("heading", { name: t("clusterDetail.title", { name: "shanghai-vpc" }) })).toBeVisible();
  await expect(page.getByTestId("usage-summary")).toBeVisible();
  await snap("cluster-detail");
  await page.getByRole("link", { name: new RegExp(t("clusterDetail.plan")) }).click();
  await expect(page.getByLabel(t("planning.servers"))).toHaveValue(String(seeded!.clientCount));
  await expect(page.getByTestId("plan-results")).toBeVisible();
  await snap("cluster-plan");
});

const SEEDED = { region: "cn", name: "hangzhou-idc-ip" } as const;

test("guided deletion of a seeded cluster, step by step", async ({ page, t, lang, api, snap }) => {
  test.skip(lang !== "ja", "walked in Japanese (issue 7)");
  test.setTimeout(120_000);
  const seeded = await api.findByName(SEEDED.region, SEEDED.name);
  expect(seeded, `the demo seed must contain ${SEEDED.name}`).toBeDefined();
  const step = (n: number) => page.locator(`li[data-step="${n}"]`);

  await test.step("Delete in the row's actions opens the guided flow", async () => {
    await page.goto(`/${SEEDED.region}/clusters`);
    await clusterRow(page, SEEDED.name)
      .getByRole("button", { name: t("clusters.actions.rowAction", { action: t("clusters.actions.delete"), name: SEEDED.name }) })
      .click();
    await expect(page.getByRole("heading", { name: t("guidedDelete.title", { name: SEEDED.name }) })).toBeVisible();
    await expect(step(1)).toHaveAttribute("data-state", "ready");
    await expect(step(4)).toHaveAttribute("data-state", "blocked");
    await expect(step(4)).toContainText(t("guidedDelete.blocked"));
    await snap("guided-delete-start");
  });

  await test.step("1: disconnect all clients; their agents stay installed", async () => {
    await step(1)
      .getByRole("button", { name: t("guidedDelete.clients.action", { count: seeded!.clientCount }) })
      .click();
    // Issue 13: the same confirmation as Connected clients, with the cluster's name typed.
    const dialog = page.getByRole("alertdialog", { name: t("clients.disconnect.allTitle") });
    await dialog.getByLabel(t("clients.disconnect.typeName", { name: SEEDED.name })).fill(SEEDED.name);
    await dialog.getByRole("button", { name: t("clients.disconnect.submitAll", { count: seeded!.clientCount }) }).click();
    await expect(step(1)).toHaveAttribute("data-state", "done");
    await expect(step(1)).toContainText(t("guidedDelete.clients.doneText"));
  });

  await test.step("2: stop the proxy (online from the simulator, or already offline) and wait for offline", async () => {
    const stop = step(2).getByRole("button", { name: /^.+ を停止$|^Stop .+/ });
    // Offline already when no simulator keeps it up; otherwise the stop task makes it exit.
    if ((await step(2).getAttribute("data-state")) === "ready" && (await stop.count()) > 0) {
      await snap("guided-delete-stop");
      await stop.first().click();
      const dialog = page.getByRole("alertdialog", { name: t("proxies.stopDialog.title") });
      await dialog.getByRole("button", { name: t("proxies.stopDialog.submit"), exact: true }).click();
    }
    await expect(step(2)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  });

  await test.step("3: delete the offline proxy", async () => {
    await expect(step(3)).toHaveAttribute("data-state", "ready");
    await step(3)
      .getByRole("button", { name: t("guidedDelete.proxies.action", { count: seeded!.proxyCount }) })
      .click();
    await page
      .getByRole("alertdialog", { name: t("guidedDelete.proxies.confirmTitle") })
      .getByRole("button", { name: t("guidedDelete.proxies.action", { count: seeded!.proxyCount }) })
      .click();
    await expect(step(3)).toHaveAttribute("data-state", "done");
    await snap("guided-delete-ready");
  });

  await test.step("4: delete the cluster, back to the list with a toast", async () => {
    await step(4)
      .getByRole("button", { name: t("guidedDelete.cluster.action") })
      .click();
    await page
      .getByRole("alertdialog", { name: t("deleteCluster.title") })
      .getByRole("button", { name: t("deleteCluster.submit") })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${SEEDED.region}/clusters$`));
    await expect(page.getByText(t("deleteCluster.deleted", { name: SEEDED.name }))).toBeVisible();
    await expect(clusterRow(page, SEEDED.name)).toHaveCount(0);
  });
});
