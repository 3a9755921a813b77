// The long lists (issue 13 items 7 and 8): Assets, Connected clients and Access clients end where
// their content ends and keep their header in view while the page scrolls; filters changed
// quickly, in any order, all land in the URL and in the request that fills the table.
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { shot } from "./shots";

/** The page's scroll height, and the bottom of its content (the main area, padding included). */
function heights(page: Page) {
  return page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollHeight,
    content: Math.ceil(document.querySelector("main")!.getBoundingClientRect().bottom + window.scrollY),
  }));
}

test("lists end with their content and keep the header in view", async ({ page, lang, api }) => {
  const cluster = (await api.list("intl", "frankfurt-vpc")).find((c) => c.name === "frankfurt-vpc")!;
  const pages = [
    { name: "assets", path: "/intl/assets" },
    { name: "clients", path: `/intl/clusters/${cluster.id}/clients` },
    { name: "access", path: `/intl/clusters/${cluster.id}/access` },
  ];
  for (const { name, path } of pages) {
    await test.step(name, async () => {
      await page.goto(path);
      const table = page.getByRole("table").last();
      await expect(table.getByRole("rowheader")).toHaveCount(50);
      const { scroll, content } = await heights(page);
      expect(scroll, `${name}: the document scrolls past its content`).toBeLessThanOrEqual(content + 2);
      // The header sticks to the top of the window, not to a scroll area of its own.
      await table.getByRole("rowheader").nth(40).scrollIntoViewIfNeeded();
      const header = table.getByRole("columnheader").last();
      const top = await header.evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThanOrEqual(1);
      await expect(header).toBeInViewport();
      await shot(page, `table-${name}`, lang);
    });
  }
});

/** The parameters of the last request the page made to a list endpoint. */
function lastListRequest(page: Page, endpoint: RegExp) {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (endpoint.test(new URL(request.url()).pathname)) seen.push(request);
  });
  return () => new URL(seen.at(-1)?.url() ?? "http://none/").searchParams;
}

test("a cleared search and two quick filter picks all land in the URL and the request", async ({ page, t, api }) => {
  const cluster = (await api.list("intl", "frankfurt-vpc")).find((c) => c.name === "frankfurt-vpc")!;
  const cases = [
    { name: "clients", path: `/intl/clusters/${cluster.id}/clients`, endpoint: /\/api\/v1\/clusters\/[^/]+\/clients$/ },
    { name: "assets", path: "/intl/assets", endpoint: /\/api\/v1\/assets$/ },
  ];
  for (const { name, path, endpoint } of cases) {
    for (const order of [
      ["os", "agentStatus"],
      ["agentStatus", "os"],
    ] as const) {
      await test.step(`${name}: clear the search, then ${order.join(" and ")}`, async () => {
        await page.goto(`${path}?q=web`);
        const last = lastListRequest(page, endpoint);
        await expect(page.getByRole("searchbox", { name: t("assetList.searchLabel") })).toHaveValue("web");
        const selects = {
          os: () => page.getByLabel(t("assetList.filters.os"), { exact: true }).selectOption("windows"),
          agentStatus: () => page.getByLabel(t("assetList.filters.agentStatus"), { exact: true }).selectOption("offline"),
        };
        // No waiting between the three: the search's debounce lands after the picks.
        await page.getByRole("button", { name: t("assetList.clearSearch") }).click();
        await selects[order[0]]();
        await selects[order[1]]();
        // Only the search's debounce removes q: once q is gone, every write has landed.
        const expected = { os: "windows", agentStatus: "offline" };
        await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual(expected);
        // A request with the picks may still carry q (sent before the debounce); the last one must not.
        await expect
          .poll(() => {
            const params = last();
            return { os: params.get("os"), agentStatus: params.get("agentStatus"), q: params.get("q") };
          })
          .toEqual({ ...expected, q: null });
      });
    }
  }
});
