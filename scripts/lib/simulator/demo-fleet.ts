// `npm run simulate -- --demo`: brings the demo data to life. The seed writes assets and
// proxies straight into the database, so they have no credentials and no process behind them.
// This one setup step also uses the database: it issues fresh agent and proxy credentials for
// the demo servers that should be alive (a real server gets its credential by registering with
// a one-time token, and the seed has none to offer). Everything after it — every heartbeat,
// deploy, upgrade and stop — goes over HTTP through the agent protocol, like a real fleet.
// Agents connected to a cluster with live demo proxies are carried by those proxies (the real
// relay code of agent/proxy/, virtual-relay.ts), so the proxies report their real clients and the
// data they relay; the others heartbeat the console directly.
import { DEFAULT_PROXY_VERSION } from "../../../agent/protocol.mjs";
import { hashToken, newToken } from "../../../lib/crypto/tokens";
import { db, disconnectDb } from "../../../lib/db/client";
import { stableId } from "../seed-demo";
import type { Fleet, MakeRelay } from "./fleet";
import { startVirtualRelay, type VirtualAgent } from "./virtual-relay";

/** Synthetic records each relayed demo agent sends per minute, so the traffic charts move. */
const DEMO_RECORDS_PER_MINUTE = 30;

type DemoProxy = { id: string; assetId: string; mode: string; version: string | null; clusterId: string };

/** Demo rows have ids derived from natural keys (scripts/lib/seed-demo.ts); real agents never do. */
async function demoServers() {
  const seeded = await db().appSetting.findUnique({ where: { key: "demo_seeded_at" } });
  if (!seeded) return null;
  // The seed marks ~85% of its agents as seen just before seeding: those are the live ones.
  const since = new Date(new Date(String(seeded.value)).getTime() - 3_600_000);
  const assets = (
    await db().asset.findMany({ where: { agentLastSeenAt: { gte: since } }, select: { id: true, region: true, hostname: true } })
  ).filter((a) => a.id === stableId(`asset:${a.region}:${a.hostname}`));
  const proxies = (
    await db().proxyServer.findMany({
      select: { id: true, assetId: true, mode: true, version: true, clusterId: true },
    })
  ).filter((p) => p.id === stableId(`proxy:${p.assetId}`));
  const connections = await db().clientConnection.findMany({
    where: { assetId: { in: assets.map((a) => a.id) } },
    select: { assetId: true, clusterId: true },
  });
  return { assets, proxies, connections };
}

async function issueCredentials(assetIds: string[], manualProxyIds: string[]) {
  const agents = assetIds.map((id) => ({ id, credential: newToken("pag") }));
  const proxies = manualProxyIds.map((id) => ({ id, credential: newToken("pag") }));
  await db().$transaction([
    db().$executeRaw`UPDATE asset AS a SET agent_credential_hash = v.h
      FROM unnest(${agents.map((a) => a.id)}::uuid[], ${agents.map((a) => hashToken(a.credential))}::text[]) AS v(id, h)
      WHERE a.id = v.id`,
    db().$executeRaw`UPDATE proxy_server AS p SET credential_hash = v.h
      FROM unnest(${proxies.map((p) => p.id)}::uuid[], ${proxies.map((p) => hashToken(p.credential))}::text[]) AS v(id, h)
      WHERE p.id = v.id`,
  ]);
  return { agents: new Map(agents.map((a) => [a.id, a.credential])), proxies: new Map(proxies.map((p) => [p.id, p.credential])) };
}

/** Which demo agents each proxy carries: a cluster's clients spread over its proxies. */
function assignToProxies(proxies: DemoProxy[], connections: { assetId: string; clusterId: string }[], ids: Set<string>) {
  const byCluster = new Map<string, DemoProxy[]>();
  for (const p of proxies) byCluster.set(p.clusterId, [...(byCluster.get(p.clusterId) ?? []), p]);
  const carried = new Map<string, string[]>(proxies.map((p) => [p.id, []]));
  connections.forEach((c, i) => {
    const serving = byCluster.get(c.clusterId);
    if (!serving || !ids.has(c.assetId)) return;
    carried.get(serving[i % serving.length]!.id)!.push(c.assetId);
  });
  return carried;
}

export async function startDemoFleet(fleet: Fleet, log: (line: string) => void) {
  let plan;
  try {
    const servers = await demoServers();
    if (!servers) {
      log("no demo data in this database (demo_seeded_at is not set): nothing to simulate");
      return { agents: 0, proxies: 0 };
    }
    // Quick-deployed proxies run inside their server's agent and use its credential.
    const quick = servers.proxies.filter((p) => p.mode === "quick");
    const manual = servers.proxies.filter((p) => p.mode !== "quick");
    const agentIds = [...new Set([...servers.assets.map((a) => a.id), ...quick.map((p) => p.assetId)])];
    const credentials = await issueCredentials(
      agentIds,
      manual.map((p) => p.id),
    );
    const proxyAssets = new Set(servers.proxies.map((p) => p.assetId));
    const clientIds = new Set(servers.assets.map((a) => a.id).filter((id) => !proxyAssets.has(id)));
    const carried = assignToProxies(servers.proxies, servers.connections, clientIds);
    plan = { quick, manual, agentIds, credentials, carried };
  } finally {
    await disconnectDb();
  }

  const { quick, manual, agentIds, credentials, carried } = plan;
  const relayed = new Set([...carried.values()].flat());
  const relayFor = (p: DemoProxy, client: ReturnType<Fleet["client"]>): MakeRelay => {
    const agents: VirtualAgent[] = carried
      .get(p.id)!
      .map((assetId) => ({ assetId, credential: credentials.agents.get(assetId)! }));
    return (proxyId, signal) =>
      startVirtualRelay({
        proxyId,
        clusterId: p.clusterId,
        client,
        agents,
        intervalSeconds: 30,
        recordsPerMinute: DEMO_RECORDS_PER_MINUTE,
        signal,
      });
  };
  for (const assetId of agentIds) {
    if (relayed.has(assetId)) continue; // its proxy carries it
    const proxy = quick.find((p) => p.assetId === assetId);
    const client = fleet.client(credentials.agents.get(assetId)!);
    fleet.startAgent({
      key: assetId,
      client,
      proxies: proxy ? [{ proxyId: proxy.id, version: proxy.version ?? DEFAULT_PROXY_VERSION }] : [],
      makeRelay: proxy ? relayFor(proxy, client) : undefined,
    });
  }
  for (const p of manual) {
    const client = fleet.client(credentials.proxies.get(p.id)!);
    fleet.startProxy({
      key: p.id,
      client,
      proxyId: p.id,
      version: p.version ?? DEFAULT_PROXY_VERSION,
      makeRelay: relayFor(p, client),
    });
  }
  log(
    `demo fleet: ${agentIds.length - relayed.size} agents heartbeating over HTTP, ${relayed.size} through ${quick.length + manual.length} proxies`,
  );
  return { agents: agentIds.length, proxies: quick.length + manual.length };
}
