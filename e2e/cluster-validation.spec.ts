// The create form validates with the API's schema in the user's language, and shows the
// server's field errors (NAME_TAKEN) on the field.
import { expect, test } from "./fixtures";

test("create form: inline validation and server field errors", async ({ page, t, api, uniqueName, snap }) => {
  const dialog = page.getByRole("dialog", { name: t("createCluster.title") });
  const name = dialog.getByLabel(t("createCluster.name"));
  const address = dialog.getByLabel(t("createCluster.address"));
  const submit = dialog.getByRole("button", { name: t("createCluster.submit"), exact: true });

  await test.step("open the create dialog in China", async () => {
    await page.goto("/cn/clusters");
    await page
      .getByRole("button", { name: t("clusters.create") })
      .first()
      .click();
    await expect(dialog.getByText(t("createCluster.description", { region: t("shell.regions.cn") }))).toBeVisible();
  });

  await test.step("submitting empty marks both required fields", async () => {
    await submit.click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText(t("validation.required"), { exact: true })).toHaveCount(2);
    await expect(name).toBeFocused();
  });

  await test.step("an address with a scheme, a port or a path is refused in the user's language", async () => {
    await name.fill(uniqueName("invalid", "cn"));
    for (const [value, key] of [
      ["https://x.example.com", "addressScheme"],
      ["proxy.example.com:8080", "addressPort"],
      ["proxy.example.com/path", "addressPath"],
      ["999.1.1.1", "addressInvalid"],
    ] as const) {
      await address.fill(value);
      await expect(dialog.getByText(t(`validation.${key}`))).toBeVisible();
    }
    await address.fill("https://x.example.com");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await snap("bad-address");
    await submit.click();
    await expect(dialog).toBeVisible();
  });

  await test.step("a name already used in the region comes back from the server on the name field", async () => {
    const taken = await api.create({ region: "cn", name: uniqueName("taken", "cn"), address: "taken.e2e.example.com" });
    await name.fill(taken.name);
    await address.fill("other.e2e.example.com");
    await expect(address).toHaveAttribute("aria-invalid", "false");
    await submit.click();
    await expect(dialog.getByText(t("validation.nameTaken"))).toBeVisible();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await snap("name-taken");
  });

  await test.step("cancel closes the dialog", async () => {
    await dialog.getByRole("button", { name: t("common.cancel") }).click();
    await expect(dialog).toBeHidden();
  });
});
