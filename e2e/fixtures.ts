// Shared e2e fixtures: the project's language and its translator (expected text comes from the
// same catalogs as the UI), API helpers signed in as the demo operator and admin that create what
// a test needs, and screenshots.
import { test as base, expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { createTranslator } from "next-intl";
import { en, ja } from "../messages";
import { storageStatePath, type Role } from "./auth-state";

export type Lang = "en" | "ja";
export type Region = "cn" | "intl";
export type Cluster = { id: string; name: string; region: Region; address: string; clientCount: number; proxyCount: number };

function translatorFor(lang: Lang) {
  return createTranslator({ locale: lang, messages: lang === "ja" ? (ja as typeof en) : en });
}

class ClusterApi {
  private readonly created: { id: string }[] = [];
  constructor(private readonly request: APIRequestContext) {}

  async list(region: Region, q?: string): Promise<Cluster[]> {
    const response = await this.request.get(`/api/v1/clusters`, { params: { region, ...(q ? { q } : {}) } });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: Cluster[] }).items;
  }

  async create(input: { region: Region; name: string; address: string; description?: string }): Promise<Cluster> {
    const response = await this.request.post(`/api/v1/clusters`, { data: input });
    expect(response.status(), await response.text()).toBe(201);
    const cluster = (await response.json()) as Cluster;
    this.created.push(cluster);
    return cluster;
  }

  async findByName(region: Region, name: string): Promise<Cluster | undefined> {
    return (await this.list(region, name)).find((c) => c.name === name);
  }

  /** Deletes what the test created through the API or the UI (by name), ignoring what is gone. */
  async cleanup(names: { region: Region; name: string }[]) {
    for (const { region, name } of names) {
      const found = await this.findByName(region, name);
      if (found) this.created.push(found);
    }
    for (const { id } of new Set(this.created)) await this.request.delete(`/api/v1/clusters/${id}`);
  }
}

export type User = { id: string; email: string; name: string; role: Role; disabled: boolean; temporaryPassword?: string };

/** What the admin does through the API for a test: users of its own, disabled afterwards. */
class AdminApi {
  private readonly created: string[] = [];
  constructor(private readonly request: APIRequestContext) {}

  async createUser(input: { email: string; name: string; role: Role; password?: string }): Promise<User> {
    const response = await this.request.post("/api/v1/users", { data: input });
    expect(response.status(), await response.text()).toBe(201);
    const user = (await response.json()) as User;
    this.created.push(user.id);
    return user;
  }

  async cleanup() {
    for (const id of this.created) await this.request.patch(`/api/v1/users/${id}`, { data: { disabled: true } });
  }
}

/**
 * A request context with a demo role's session cookie and the console's Origin, as a browser
 * would send it: cookie-authenticated mutations without a same-origin Origin are refused.
 */
async function signedInRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, role: Role) {
  return playwright.request.newContext({
    baseURL,
    storageState: storageStatePath(role),
    extraHTTPHeaders: { origin: new URL(baseURL!).origin },
  });
}

let sequence = 0;

type Fixtures = {
  lang: Lang;
  t: ReturnType<typeof translatorFor>;
  /** The cluster API as the demo operator, whatever role the page is signed in with. */
  api: ClusterApi;
  /** The users API as the demo admin. */
  adminApi: AdminApi;
  /** A cluster name no other test or run uses; removed after the test if it still exists. */
  uniqueName: (label: string, region?: Region) => string;
  snap: (name: string) => Promise<void>;
};

export type T = ReturnType<typeof translatorFor>;

/**
 * Creates an install command for a cluster in the UI with the dialog's defaults and returns the
 * result dialog (the command is shown once there). `check` runs on the create dialog first.
 */
export async function createInstallCommandInUi(
  page: Page,
  t: T,
  clusterId: string,
  check: (dialog: ReturnType<Page["getByRole"]>) => Promise<void> = async () => undefined,
) {
  await page.goto(`/intl/install-commands?cluster=${clusterId}`);
  await page
    .getByRole("button", { name: t("installCommands.create.open") })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: t("installCommands.create.title") });
  await check(dialog);
  await dialog.getByRole("button", { name: t("installCommands.create.submit"), exact: true }).click();
  return page.getByRole("dialog", { name: t("installCommands.result.title") });
}

export const test = base.extend<Fixtures>({
  lang: async ({ locale }, provide) => provide(locale?.startsWith("ja") ? "ja" : "en"),
  t: async ({ lang }, provide) => provide(translatorFor(lang)),
  api: async ({ playwright, baseURL }, provide) => {
    const request = await signedInRequest(playwright, baseURL, "operator");
    await provide(new ClusterApi(request));
    await request.dispose();
  },
  adminApi: async ({ playwright, baseURL }, provide) => {
    const request = await signedInRequest(playwright, baseURL, "admin");
    const admin = new AdminApi(request);
    await provide(admin);
    await admin.cleanup();
    await request.dispose();
  },
  uniqueName: async ({ api, lang }, provide) => {
    const names: { region: Region; name: string }[] = [];
    await provide((label, region = "intl") => {
      const name = `e2e-${label}-${lang}-${Date.now().toString(36)}${(sequence++).toString(36)}`;
      names.push({ region, name });
      return name;
    });
    await api.cleanup(names);
  },
  snap: async ({ page, lang }, provide, testInfo) => {
    await provide(async (name) => {
      const file = `${testInfo.titlePath[0]?.replace(/\.spec\.ts$/, "")}-${name}-${lang}.png`;
      await page.screenshot({ path: `e2e/artifacts/${file}`, fullPage: true });
    });
  },
});

export { expect };

/** A cluster row's visible actions (issue 13 item 11), named with the cluster's name. */
export type ActionKey =
  `clusters.actions.${"deployProxy" | "accessClients" | "proxySettings" | "serverInfo" | "edit" | "delete"}`;

/** The rows of the cluster table, by the cluster name that starts the row header (its description may follow). */
export function clusterRow(page: Page, name: string) {
  const startsWithName = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`);
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: startsWithName }) });
}
