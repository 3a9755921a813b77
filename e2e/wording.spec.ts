// What operators read (issue 13 item 18): no rule numbers such as "(R12)", no notes about the
// original product, and in Japanese セキュリティセンター rather than "Security Center" — checked on
// the rendered pages in both languages, where the catalogs, the API's messages and the code meet.
import { expect, test } from "./fixtures";

const RULE_NUMBER = /\bR\d{1,2}\b/;
const META = /original product|元の製品/i;

test("the pages show no rule numbers or notes about the original product", async ({ page, lang, api }) => {
  const cluster = (await api.list("intl", "frankfurt-vpc")).find((c) => c.name === "frankfurt-vpc")!;
  const base = `/intl/clusters/${cluster.id}`;
  const paths = [
    "/intl/clusters",
    base,
    `${base}/proxies`,
    `${base}/proxies/deploy`,
    `${base}/clients`,
    `${base}/access`,
    `${base}/plan`,
    `${base}/delete`,
    "/intl/assets",
    "/intl/install-commands",
    "/intl/audit",
    "/intl/settings",
  ];
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Let the page's data arrive: the first list or panel is on screen, and nothing is loading.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const text = await page.locator("body").innerText();
      expect(text.match(RULE_NUMBER)?.[0], `${path}: a rule number`).toBeUndefined();
      expect(text.match(META)?.[0], `${path}: a note about the original product`).toBeUndefined();
      if (lang === "ja") expect(text.includes("Security Center"), `${path}: "Security Center" in Japanese`).toBe(false);
    });
  }
});
