// Fixture answers for the pacer journey: an inventory of `count` online servers (keyset pages as
// the real API gives them) and a connect job that has run its first wave.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

function fakeAsset(i: number) {
  return {
    id: randomUUID(),
    hostname: `pacer-host-${String(i).padStart(4, "0")}`,
    type: "host",
    os: "linux",
    osVersion: "Ubuntu 24.04",
    provider: "idc",
    region: "intl",
    ips: [`10.240.${Math.floor(i / 250)}.${(i % 250) + 1}`],
    cpuCores: 2,
    memoryMb: 4096,
    agentVersion: "3.3.0",
    agentStatus: "online",
    agentLastSeenAt: new Date().toISOString(),
    group: null,
    tags: [],
    cluster: null,
    proxyOf: null,
  };
}

export async function mockPacer(page: Page, clusterId: string, count: number) {
  const assets = Array.from({ length: count }, (_, i) => fakeAsset(i));
  let job: Record<string, unknown> | null = null;
  let assetIds: string[] = [];

  await page.route(/\/api\/v1\/assets\?/, async (route) => {
    const url = new URL(route.request().url());
    const start = Number(url.searchParams.get("cursor") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const next = start + limit < assets.length ? String(start + limit) : null;
    await route.fulfill({ json: { items: assets.slice(start, start + limit), nextCursor: next } });
  });

  await page.route(`**/api/v1/clusters/${clusterId}/connect-jobs**`, async (route) => {
    const request = route.request();
    if (request.method() === "POST") {
      assetIds = (request.postDataJSON() as { assetIds: string[] }).assetIds;
      const now = Date.now();
      job = {
        id: randomUUID(),
        clusterId,
        status: "running",
        total: assetIds.length,
        totalWaves: Math.ceil(assetIds.length / 500),
        processed: 500,
        connected: 498,
        skipped: 2,
        waves: 1,
        nextRunAt: new Date(now + 20_000).toISOString(),
        etaSeconds: 21,
        lastError: {
          code: "AGENT_OFFLINE",
          message: "2 of the 500 selected servers cannot be connected.",
          details: {
            count: 2,
            problems: assets.slice(7, 9).map((a) => ({ assetId: a.id, hostname: a.hostname, reason: "agent_offline" })),
          },
        },
        createdBy: "Demo Operator",
        createdAt: new Date(now).toISOString(),
        finishedAt: null,
      };
      return route.fulfill({ status: 201, json: job });
    }
    if (request.method() === "DELETE" && job) {
      job = { ...job, status: "cancelled", nextRunAt: null, etaSeconds: 0, finishedAt: new Date().toISOString() };
      return route.fulfill({ json: job });
    }
    return route.fulfill({ json: { items: job ? [job] : [] } });
  });

  return { created: () => assetIds };
}
