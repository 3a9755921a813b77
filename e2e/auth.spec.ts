// Issue #3 in the browser: sign-in (wrong password, throttling, success), work as an operator,
// the audit log of it, sign-out; a viewer's disabled actions with the reason; an admin's users
// and API tokens. Every test makes the users it signs in with, so no demo session is touched.
import { storageStatePath, signedOut } from "./auth-state";
import { clusterRow, expect, test, type ActionKey } from "./fixtures";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("signed out", () => {
  test.use({ storageState: signedOut });

  test("sign in, create a cluster, find both in the audit log, sign out", async ({
    page,
    t,
    lang,
    adminApi,
    uniqueName,
    snap,
  }) => {
    const password = `e2e-pass-${stamp()}`;
    const user = await adminApi.createUser({
      email: `e2e-operator-${lang}-${stamp()}@example.com`,
      name: `E2E Operator ${lang}`,
      role: "operator",
      password,
    });
    const email = page.getByLabel(t("signIn.email"));
    const passwordField = page.getByLabel(t("signIn.password"));
    const submit = page.getByRole("button", { name: t("signIn.submit"), exact: true });
    const cluster = uniqueName("auth");

    await test.step("a page without a session sends to sign-in, keeping where it was going", async () => {
      await page.goto("/intl/clusters");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fintl%2Fclusters$/);
      await expect(page.getByRole("heading", { level: 1, name: t("signIn.title") })).toBeVisible();
      await expect(page.getByRole("group", { name: t("shell.languageLabel") })).toBeVisible();
      await snap("sign-in");
    });

    await test.step("a wrong password is refused plainly and the password is cleared", async () => {
      await email.fill(user.email);
      await passwordField.fill("not-the-password");
      await submit.click();
      await expect(page.getByRole("alert").filter({ hasText: t("signIn.invalidCredentials") })).toBeVisible();
      await expect(passwordField).toHaveValue("");
      await expect(passwordField).toBeFocused();
      await snap("wrong-password");
    });

    await test.step("the right password opens the page asked for, with the user in the top bar", async () => {
      await passwordField.fill(password);
      await submit.click();
      await expect(page).toHaveURL(/\/intl\/clusters$/);
      const menu = page.getByRole("button", {
        name: t("account.menuLabel", { name: user.name, role: t("roles.names.operator") }),
      });
      await expect(menu).toBeVisible();
      await expect(page.getByTestId("role-notice")).toHaveCount(0);
    });

    await test.step("an operator creates a cluster", async () => {
      await page
        .getByRole("button", { name: t("clusters.create") })
        .first()
        .click();
      const dialog = page.getByRole("dialog", { name: t("createCluster.title") });
      await dialog.getByLabel(t("createCluster.name")).fill(cluster);
      await dialog.getByLabel(t("createCluster.address")).fill("auth.e2e.example.com");
      await dialog.getByRole("button", { name: t("createCluster.submit"), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(clusterRow(page, cluster)).toBeVisible();
    });

    await test.step("the audit log shows the sign-in and the cluster creation by this user", async () => {
      await page
        .getByRole("navigation", { name: t("shell.mainNavLabel") })
        .getByRole("link", { name: t("shell.nav.audit") })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: t("audit.title") })).toBeVisible();
      await page.getByLabel(t("audit.filters.actor")).fill(user.email);
      await page.getByRole("button", { name: t("audit.filters.apply") }).click();
      await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(user.email)}`));
      const row = (action: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: action }) });
      const signIn = row(t("audit.actions.auth.sign_in"));
      const created = row(t("audit.actions.cluster.create"));
      await expect(signIn).toHaveCount(1);
      await expect(signIn.getByText(t("audit.outcomes.success"))).toBeVisible();
      await expect(created.getByText(cluster)).toBeVisible();
      await expect(created.getByText(t("shell.regions.intl"))).toBeVisible();
      await created.getByRole("button", { name: t("audit.showDetails", { action: t("audit.actions.cluster.create") }) }).click();
      await expect(created.getByRole("button", { expanded: true })).toBeVisible();
      await expect(page.getByText('"address": "auth.e2e.example.com"')).toBeVisible();
      await snap("audit");
    });

    await test.step("the refused attempt is there too, with its error code", async () => {
      await page.goto(`/intl/audit?action=auth.sign_in&outcome=failure`);
      await expect(page.getByLabel(t("audit.filters.outcome"))).toHaveValue("failure");
      const refused = page.getByRole("row").filter({ hasText: user.email });
      await expect(refused.first()).toBeVisible();
      await expect(refused.first().getByText("INVALID_CREDENTIALS")).toBeVisible();
      await expect(refused.first().getByText(t("audit.outcomes.failure"))).toBeVisible();
    });

    await test.step("signing out ends the session", async () => {
      await page
        .getByRole("button", { name: t("account.menuLabel", { name: user.name, role: t("roles.names.operator") }) })
        .click();
      await page.getByRole("menuitem", { name: t("account.signOut") }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await page.goto("/intl/settings");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fintl%2Fsettings$/);
    });
  });

  test("too many failed sign-ins pause the account, and the page says for how long", async ({
    page,
    t,
    lang,
    adminApi,
    playwright,
    baseURL,
    snap,
  }) => {
    const user = await adminApi.createUser({
      email: `e2e-throttled-${lang}-${stamp()}@example.com`,
      name: "E2E Throttled",
      role: "viewer",
      password: `e2e-pass-${stamp()}`,
    });
    await test.step("five wrong passwords through the API", async () => {
      const anonymous = await playwright.request.newContext({ baseURL, storageState: signedOut });
      for (let i = 0; i < 5; i++) {
        const response = await anonymous.post("/api/v1/auth/sign-in", { data: { email: user.email, password: `wrong-${i}` } });
        expect(response.status()).toBe(401);
      }
      await anonymous.dispose();
    });
    await test.step("the next attempt, even with any password, tells the minutes to wait", async () => {
      await page.goto("/sign-in");
      await page.getByLabel(t("signIn.email")).fill(user.email);
      await page.getByLabel(t("signIn.password")).fill("whatever-it-is");
      await page.getByRole("button", { name: t("signIn.submit"), exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: t("signIn.tooManyAttempts", { minutes: 15 }) })).toBeVisible();
      await snap("throttled");
    });
  });
});

test.describe("as the demo viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("cluster actions are disabled with the reason; settings explains who manages users", async ({
    page,
    t,
    api,
    uniqueName,
    snap,
  }) => {
    const cluster = await api.create({ region: "intl", name: uniqueName("viewer"), address: "viewer.e2e.example.com" });
    const reason = t("roles.viewerReason", { role: t("roles.names.viewer"), needed: t("roles.names.operator") });

    await test.step("the page says what the role allows; create is disabled and does nothing", async () => {
      await page.goto("/intl/clusters");
      await expect(page.getByTestId("role-notice")).toHaveText(reason);
      const create = page.getByRole("button", { name: t("clusters.create") });
      await expect(create).toBeDisabled();
      await expect(create).toHaveAccessibleDescription(reason);
      // aria-disabled keeps it focusable; force skips Playwright's wait for an enabled element.
      await create.click({ force: true });
      await expect(page.getByRole("dialog")).toHaveCount(0);
    });

    await test.step("the row shows a viewer only the actions it may take: no edit, deploy or delete", async () => {
      const row = clusterRow(page, cluster.name);
      const action = (key: ActionKey) => ({ name: t("clusters.actions.rowAction", { action: t(key), name: cluster.name }) });
      await expect(row.getByRole("link", action("clusters.actions.serverInfo"))).toBeVisible();
      await expect(row.getByRole("button", action("clusters.actions.proxySettings"))).toBeVisible();
      await expect(row.getByRole("link", action("clusters.actions.accessClients"))).toBeVisible();
      await expect(row.getByRole("link", action("clusters.actions.deployProxy"))).toHaveCount(0);
      for (const key of ["clusters.actions.edit", "clusters.actions.delete"] as const)
        await expect(row.getByRole("button", action(key))).toHaveCount(0);
      await snap("viewer-actions");
    });

    await test.step("settings shows the account and that users and tokens are for admins", async () => {
      await page.goto("/intl/settings");
      await expect(page.getByRole("heading", { name: t("settings.adminOnly.title") })).toBeVisible();
      await expect(page.getByText(t("settings.adminOnly.body"))).toBeVisible();
      await expect(page.getByRole("heading", { name: t("users.title"), exact: true })).toHaveCount(0);
      await snap("viewer-settings");
    });

    await test.step("when the session ends while a page is open, the next request goes to sign-in and back", async () => {
      await page.goto("/intl/clusters?q=e2e");
      // Only this browser forgets the cookie: the shared demo session stays valid on the server.
      await page.context().clearCookies();
      // The list refreshes itself every 10 s; its next request is answered 401.
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fintl%2Fclusters%3Fq%3De2e$/, { timeout: 25_000 });
    });
  });
});

test.describe("as the demo admin", () => {
  test.use({ storageState: storageStatePath("admin"), permissions: ["clipboard-read", "clipboard-write"] });

  test("an API token is shown once, works, and stops working when revoked", async ({
    page,
    t,
    lang,
    playwright,
    baseURL,
    snap,
  }) => {
    const name = `e2e-token-${lang}-${stamp()}`;
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    let token = "";

    await test.step("settings lists the users and the tokens", async () => {
      await page.goto("/intl/settings");
      await expect(page.getByRole("table", { name: t("users.tableCaption") })).toBeVisible();
      await expect(page.getByRole("rowheader", { name: "Demo Operator" })).toBeVisible();
      await expect(page.getByRole("heading", { name: t("tokens.title"), exact: true })).toBeVisible();
      await snap("settings");
    });

    await test.step("create a viewer token that expires in 30 days", async () => {
      await page.getByRole("button", { name: t("tokens.create.open") }).click();
      const dialog = page.getByRole("dialog", { name: t("tokens.create.title") });
      await dialog.getByLabel(t("tokens.fields.name")).fill(name);
      await dialog.getByRole("radio", { name: t("roles.names.viewer") }).check();
      await dialog.getByLabel(t("tokens.fields.days")).fill("30");
      await dialog.getByRole("button", { name: t("tokens.create.submit") }).click();
    });

    await test.step("the token is shown once, with a warning and a copy button that says it copied", async () => {
      const dialog = page.getByRole("dialog", { name: t("tokens.created.title") });
      await expect(dialog.getByText(t("tokens.created.warning"))).toBeVisible();
      token = await dialog.getByRole("textbox", { name: t("tokens.created.tokenLabel") }).inputValue();
      expect(token).toMatch(/^pac_/);
      await dialog.getByRole("button", { name: t("tokens.created.copy") }).click();
      await expect(dialog.getByRole("status")).toHaveText(t("copyButton.copied"));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await snap("token-created");
      await dialog.getByRole("button", { name: t("tokens.created.done") }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText(t("tokens.status.active"))).toBeVisible();
      await expect(row.getByText(`${token.slice(0, 8)}…`)).toBeVisible();
      await expect(page.getByText(token)).toHaveCount(0);
    });

    const session = async () => {
      const client = await playwright.request.newContext({
        baseURL,
        storageState: signedOut,
        extraHTTPHeaders: { authorization: `Bearer ${token}` },
      });
      const response = await client.get("/api/v1/auth/session");
      const result = { status: response.status(), body: response.ok() ? ((await response.json()) as { role: string }) : null };
      await client.dispose();
      return result;
    };

    await test.step("the token authenticates with its role", async () => {
      expect(await session()).toEqual({ status: 200, body: expect.objectContaining({ role: "viewer" }) });
    });

    await test.step("revoke it after confirming; it is refused at once", async () => {
      await row.getByRole("button", { name: t("tokens.revoke.open") }).click();
      const dialog = page.getByRole("alertdialog", { name: t("tokens.revoke.title") });
      await expect(dialog.getByText(t("tokens.revoke.confirm", { name }))).toBeVisible();
      await dialog.getByRole("button", { name: t("tokens.revoke.submit") }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText(t("tokens.status.revoked"))).toBeVisible();
      await expect(row.getByRole("button", { name: t("tokens.revoke.open") })).toHaveCount(0);
      expect((await session()).status).toBe(401);
    });
  });

  test("users: add one with a temporary password, disable it; the last admin keeps the role", async ({ page, t, lang, snap }) => {
    const email = `e2e-added-${lang}-${stamp()}@example.com`;
    const users = page.getByRole("table", { name: t("users.tableCaption") });
    const row = users.getByRole("row").filter({ hasText: email });

    await test.step("add a viewer with a generated password, shown once with a copy button", async () => {
      await page.goto("/intl/settings");
      await page.getByRole("button", { name: t("users.create.open") }).click();
      const dialog = page.getByRole("dialog", { name: t("users.create.title") });
      await dialog.getByLabel(t("users.fields.email")).fill(email);
      await dialog.getByLabel(t("users.fields.name")).fill("E2E Added");
      await expect(dialog.getByRole("radio", { name: t("roles.names.viewer") })).toBeChecked();
      await dialog.getByRole("button", { name: t("users.create.submit") }).click();
      const created = page.getByRole("dialog", { name: t("users.created.title") });
      await expect(created.getByText(t("users.created.warning"))).toBeVisible();
      expect(await created.getByRole("textbox", { name: t("users.created.passwordLabel") }).inputValue()).not.toBe("");
      await expect(created.getByRole("button", { name: t("users.created.copy") })).toBeVisible();
      await snap("user-created");
      await created.getByRole("button", { name: t("users.created.done") }).click();
      await expect(row.getByText(t("users.status.active"))).toBeVisible();
    });

    await test.step("disable it after confirming", async () => {
      await row.getByRole("button", { name: t("users.actions.menuLabel", { email }) }).click();
      await page.getByRole("menuitem", { name: t("users.actions.disable") }).click();
      const dialog = page.getByRole("alertdialog", { name: t("users.disable.title") });
      await dialog.getByRole("button", { name: t("users.disable.submit") }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText(t("users.status.disabled"))).toBeVisible();
    });

    await test.step("the only admin cannot become an operator: the refusal says what to do", async () => {
      const admin = users.getByRole("row").filter({ hasText: "admin@example.com" });
      await admin.getByRole("button", { name: t("users.actions.menuLabel", { email: "admin@example.com" }) }).click();
      await page.getByRole("menuitem", { name: t("users.actions.changeRole") }).click();
      const dialog = page.getByRole("dialog", { name: t("users.changeRole.title") });
      await dialog.getByRole("radio", { name: t("roles.names.operator") }).check();
      await dialog.getByRole("button", { name: t("users.changeRole.submit") }).click();
      await expect(dialog.getByRole("alert").filter({ hasText: t("users.lastAdmin.title") })).toBeVisible();
      await snap("last-admin");
      await dialog.getByRole("button", { name: t("common.cancel") }).click();
      await expect(admin.getByText(t("roles.names.admin"), { exact: true })).toBeVisible();
    });
  });
});
