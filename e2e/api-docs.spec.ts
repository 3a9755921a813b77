// Issue 14: the API reference renders the operations of the generated OpenAPI document with a
// renderer bundled with the console (nothing is fetched from elsewhere), and says in the user's
// language how to call the API with an API token.
import { signedOut, storageStatePath } from "./auth-state";
import { expect, test } from "./fixtures";
import { shot } from "./shots";

test("the API reference shows the document's operations and how to call the API with a token", async ({
  page,
  t,
  lang,
  baseURL,
}) => {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:") && !url.startsWith("blob:")) elsewhere.push(url);
  });
  const nav = page.getByRole("navigation", { name: t("shell.mainNavLabel") });

  await test.step("the page opens from the side navigation", async () => {
    await page.goto("/intl/clusters");
    await nav.getByRole("link", { name: t("shell.nav.api-docs") }).click();
    await expect(page).toHaveURL(/\/intl\/api-docs$/);
    await expect(page.getByRole("heading", { level: 1, name: t("apiDocs.title") })).toBeVisible();
    await expect(nav.getByRole("link", { name: t("shell.nav.api-docs") })).toHaveAttribute("aria-current", "page");
  });

  await test.step("it says how to make a token and shows a request with it, ready to copy", async () => {
    const howTo = page.getByRole("region", { name: t("apiDocs.token.title") });
    // The operator cannot make tokens: the page says who can.
    await expect(howTo.getByText(t("apiDocs.token.step1NotAdmin"))).toBeVisible();
    await expect(howTo.getByText(t("apiDocs.token.step3"))).toBeVisible();
    const example = howTo.getByRole("group", { name: t("apiDocs.token.exampleLabel") });
    await expect(example).toContainText(`curl -H "Authorization: Bearer pac_…" ${baseURL}/api/v1/clusters?region=intl`);
    await expect(example.getByRole("button", { name: t("apiDocs.token.copyExample") })).toBeVisible();
  });

  await test.step("the operations of the document are rendered, grouped, with labels in the page's language", async () => {
    const reference = page.getByTestId("api-reference");
    const sidebar = reference.getByRole("complementary");
    const listClusters = sidebar.getByRole("link", { name: /^The clusters of a region/ });
    await expect(listClusters).toBeVisible({ timeout: 30_000 });
    // The reference is many screens long: the window's view of the page, then of an operation.
    await shot(page, "api-docs", lang, { fullPage: false });
    await expect(reference.getByRole("button", { name: new RegExp(t("apiDocs.reference.ui.search.open")) })).toBeVisible();
    await listClusters.click();
    await expect(reference.getByRole("heading", { name: "The clusters of a region" })).toBeVisible();
    await expect(reference.getByText("/api/v1/clusters", { exact: true }).first()).toBeVisible();
    await shot(page, "api-docs-operation", lang, { fullPage: false });
    await sidebar.getByRole("link", { name: "Agent protocol", exact: true }).click();
    await expect(sidebar.getByRole("link", { name: /^Agent heartbeat: stay online and take tasks/ })).toBeVisible();
  });

  await test.step("the document itself downloads as openapi.json", async () => {
    const link = page.getByRole("link", { name: t("apiDocs.download") });
    await expect(link).toHaveAttribute("href", "/api/v1/openapi.json");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("openapi.json");
    const response = await page.request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toContain("/api/v1/clusters/{id}/clients");
  });

  await test.step("nothing was fetched from anywhere but the console", async () => {
    expect(elsewhere).toEqual([]);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("the how-to links to Settings → API tokens", async ({ page, t }) => {
    await page.goto("/intl/api-docs");
    const howTo = page.getByRole("region", { name: t("apiDocs.token.title") });
    await howTo.getByRole("link").click();
    await expect(page).toHaveURL(/\/intl\/settings#tokens-title$/);
    await expect(page.getByRole("heading", { level: 2, name: t("tokens.title") })).toBeVisible();
  });
});

test.describe("signed out", () => {
  test.use({ storageState: signedOut });

  test("the page sends to sign-in and the document needs credentials", async ({ page }) => {
    await page.goto("/intl/api-docs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fintl%2Fapi-docs$/);
    expect((await page.request.get("/api/v1/openapi.json")).status()).toBe(401);
  });
});
