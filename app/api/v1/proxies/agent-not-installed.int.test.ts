// Issue 13: a server known only from a manual proxy deploy has no agent. Its agent status is
// "not installed" everywhere (the asset list and its filter, the proxy panel, the connect check),
// never "online" because its proxy heartbeats; an agent that registers on it later makes it
// installed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clientsApi } from "@/lib/testing/clients-api";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { errorOf } from "@/lib/testing/http";
import { proxyApi, serverFacts } from "@/lib/testing/proxy-api";
import { publishTestReleases } from "@/lib/testing/releases";
import { hashToken } from "@/lib/crypto/tokens";
import { upsertAssetFromFacts } from "@/lib/agents/upsert-asset";

let proxies: ReturnType<typeof proxyApi>;
let clients: ReturnType<typeof clientsApi>;
beforeAll(async () => {
  await publishTestReleases();
  const token = await apiToken("operator");
  proxies = proxyApi(token);
  clients = clientsApi(token);
});

async function manualProxy(facts = serverFacts()) {
  const cluster = await makeCluster();
  const reg = await proxies.register((await proxies.deploy(cluster.id, { mode: "manual" })).body.token, facts);
  expect(reg.status).toBe(201);
  await proxies.heartbeat(reg.body.proxyId, reg.body.credential);
  const { assetId } = await db().proxyServer.findUniqueOrThrow({ where: { id: reg.body.proxyId } });
  return { cluster, assetId, ...reg.body };
}

describe("agent not installed (issue 13)", () => {
  it("a manual proxy's new server: not installed in the asset list, with no agent version, while its proxy is online", async () => {
    const { assetId } = await manualProxy();
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    const page = await clients.assets(`?region=cn&q=${asset.hostname}`);
    expect(page.status).toBe(200);
    const row = page.body.items.find((a) => a.id === assetId);
    expect(row).toMatchObject({ agentStatus: "not_installed", agentVersion: null, agentLastSeenAt: null });
  });

  it("the agent status filter has not installed, and offline no longer holds such servers", async () => {
    const { assetId } = await manualProxy();
    const notInstalled = await clients.assets("?region=cn&agentStatus=not_installed&limit=200");
    expect(notInstalled.body.items.map((a) => a.id)).toContain(assetId);
    expect(notInstalled.body.items.every((a) => a.agentStatus === "not_installed")).toBe(true);
    const offline = await clients.assets("?region=cn&agentStatus=offline&limit=200");
    expect(offline.body.items.some((a) => a.agentStatus === "not_installed")).toBe(false);
    const online = await clients.assets("?region=cn&agentStatus=online&limit=200");
    expect(online.body.items.map((a) => a.id)).not.toContain(assetId);
  });

  it("such a server cannot be connected as a client: the refusal says why", async () => {
    const { assetId } = await manualProxy();
    const other = await makeCluster();
    const refused = await clients.connect(other.id, [assetId]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(errorOf(refused)?.details)).toMatch(/is_proxy|agent_not_installed/);
  });

  it("an agent registering on that server later makes it installed, with the agent's version", async () => {
    const facts = serverFacts();
    const { assetId } = await manualProxy(facts);
    await db().$transaction((tx) =>
      upsertAssetFromFacts(tx, "cn", { ...facts, agentVersion: "3.3.0" }, { agentCredentialHash: hashToken(`agt_${assetId}`) }),
    );
    const row = (await clients.assets(`?region=cn&q=${facts.hostname}`)).body.items.find((a) => a.id === assetId);
    expect(row).toMatchObject({ agentStatus: "online", agentVersion: "3.3.0" });
  });

  it("the proxy panel says not installed for a manual proxy and keeps upgrade possible", async () => {
    const { cluster, proxyId } = await manualProxy();
    const item = (await proxies.list(cluster.id)).body.items.find((p) => p.id === proxyId)!;
    expect(item).toMatchObject({ agentStatus: "not_installed" });
    expect(item.upgradeBlockedBy).not.toBe("agent_offline");
  });
});
