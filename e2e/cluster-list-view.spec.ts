// The cluster list's status filter, column sorting and visible row actions (issue 13 item 11):
// filter, sort and search all live in the URL together.
import { clusterRow, expect, test } from "./fixtures";
import { shot } from "./shots";

test("filter the cluster list by status and sort it by name and creation", async ({ page, t, lang, api, uniqueName }) => {
  // Created in this order; the API removes them after the test.
  const prefix = uniqueName("sort");
  const names = ["b", "c", "a"].map((letter) => `${prefix}-${letter}`);
  for (const name of names) await api.create({ region: "intl", name, address: `${name}.proxy.example.net` });
  const rowNames = () => page.getByRole("table").getByRole("rowheader").allInnerTexts();
  const header = (key: "name" | "createdAt") => page.getByRole("columnheader", { name: t(`clusters.columns.${key}`) });

  await test.step("newest first by default; the row shows its actions and policy mode", async () => {
    await page.goto(`/intl/clusters?q=${prefix}`);
    await expect.poll(rowNames).toEqual([...names].reverse());
    await expect(header("createdAt")).toHaveAttribute("aria-sort", "descending");
    const row = clusterRow(page, names[0]!);
    for (const key of ["deployProxy", "accessClients", "serverInfo"] as const)
      await expect(
        row.getByRole("link", {
          name: t("clusters.actions.rowAction", { action: t(`clusters.actions.${key}`), name: names[0]! }),
        }),
      ).toBeVisible();
    for (const key of ["proxySettings", "delete"] as const)
      await expect(
        row.getByRole("button", {
          name: t("clusters.actions.rowAction", { action: t(`clusters.actions.${key}`), name: names[0]! }),
        }),
      ).toBeVisible();
    await expect(row.getByRole("cell", { name: t("clusters.policyModes.backflow"), exact: true })).toBeVisible();
    await shot(page, "clusters", lang);
  });

  await test.step("sort by name, then the other way", async () => {
    await header("name").getByRole("button").click();
    await expect.poll(rowNames).toEqual([...names].sort());
    await expect(header("name")).toHaveAttribute("aria-sort", "ascending");
    await header("name").getByRole("button").click();
    await expect.poll(rowNames).toEqual([...names].sort().reverse());
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: prefix, sort: "name", order: "desc" });
  });

  await test.step("filter by status: clusters without proxies are their own status", async () => {
    const status = page.getByLabel(t("clusters.statusFilter.label"), { exact: true });
    await status.selectOption("offline");
    await expect(page.getByRole("table")).toHaveCount(0);
    await status.selectOption("noProxies");
    await expect.poll(rowNames).toEqual([...names].sort().reverse());
    await expect(page).toHaveURL(/status=noProxies/);
    // Reloading keeps search, filter and sort.
    await page.reload();
    await expect.poll(rowNames).toEqual([...names].sort().reverse());
  });

  await test.step("the seeded clusters: only the one without proxies is listed under No proxy servers", async () => {
    await page.goto("/cn/clusters?status=noProxies");
    await expect(clusterRow(page, "beijing-staging")).toBeVisible();
    await expect(clusterRow(page, "hangzhou-idc-ip")).toHaveCount(0);
    await expect(clusterRow(page, "shanghai-vpc")).toHaveCount(0);
  });
});
