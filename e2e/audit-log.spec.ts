// The audit log (issue 13 item 12): one line per event, and a CSV export of the current filter.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { shot } from "./shots";

test("the audit log is one line per event and exports the current filter as CSV", async ({ page, t, lang }) => {
  await page.goto("/intl/audit?action=auth.sign_in&outcome=success");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toBeVisible();

  await test.step("each event takes one line: every row as tall as the first, long addresses cut, not wrapped", async () => {
    const heights = await rows.evaluateAll((all) => all.slice(1).map((row) => row.getBoundingClientRect().height));
    // A one-line row; a wrapped address or a second line of details would make it at least twice this.
    expect(Math.max(...heights)).toBeLessThan(40);
    await shot(page, "audit", lang);
  });

  await test.step("Export takes the filter and downloads its events as CSV", async () => {
    const link = page.getByRole("link", { name: t("audit.exportFiltered") });
    await expect(link).toHaveAttribute("href", "/api/v1/audit-events/export?action=auth.sign_in&outcome=success");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = (await readFile((await download.path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\n");
    expect(header).toBe(
      "at,actor_type,actor,action,target_type,target,target_id,region,outcome,error_code,ip,request_id,details",
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/,auth\.sign_in,user,.*,success,/);
  });
});
