// Shared e2e fixtures: the project's language and its translator (expected text comes from the
// same catalogs as the UI), an API helper that creates what a test needs, and screenshots.
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { en, ja } from "../messages";

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

let sequence = 0;

type Fixtures = {
  lang: Lang;
  t: ReturnType<typeof translatorFor>;
  api: ClusterApi;
  /** A cluster name no other test or run uses; removed after the test if it still exists. */
  uniqueName: (label: string, region?: Region) => string;
  snap: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  lang: async ({ locale }, provide) => provide(locale?.startsWith("ja") ? "ja" : "en"),
  t: async ({ lang }, provide) => provide(translatorFor(lang)),
  api: async ({ request }, provide) => provide(new ClusterApi(request)),
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

/** The rows of the cluster table, by the cluster name in the row header. */
export function clusterRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}
