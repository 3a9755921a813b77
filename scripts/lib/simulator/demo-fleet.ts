// `npm run simulate -- --demo`: brings the demo data to life. The seed writes assets and
// proxies straight into the database, so they have no credentials and no process behind them.
// This one setup step also uses the database: it issues fresh agent and proxy credentials for
// the demo servers that should be alive (a real server gets its credential by registering with
// a one-time token, and the seed has none to offer). Everything after it — every heartbeat,
// deploy, upgrade and stop — goes over HTTP through the agent protocol, like a real fleet.
import { DEFAULT_PROXY_VERSION } from "../../../agent/protocol.mjs";
import { hashToken, newToken } from "../../../lib/crypto/tokens";
import { db, disconnectDb } from "../../../lib/db/client";
import { stableId } from "../seed-demo";
import type { Fleet } from "./fleet";

/** 10 Kbit/s per connected client (R14), in bytes per second. */
const BYTES_PER_CLIENT_SECOND = 1250;

type DemoProxy = { id: string; assetId: string; mode: string; version: string | null; connectedClients: number };

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
      select: { id: true, assetId: true, mode: true, version: true, connectedClients: true },
    })
  ).filter((p) => p.id === stableId(`proxy:${p.assetId}`));
  return { assets, proxies };
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

function proxyStats(p: DemoProxy) {
  const started = Date.now();
  return () => ({
    connectedClients: p.connectedClients,
    bytesRelayed: Math.round(((Date.now() - started) / 1000) * p.connectedClients * BYTES_PER_CLIENT_SECOND),
    cacheBytes: 0,
  });
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
    plan = { quick, manual, agentIds, credentials };
  } finally {
    await disconnectDb();
  }

  const { quick, manual, agentIds, credentials } = plan;
  for (const assetId of agentIds) {
    const proxy = quick.find((p) => p.assetId === assetId);
    fleet.startAgent({
      key: assetId,
      client: fleet.client(credentials.agents.get(assetId)!),
      proxies: proxy ? [{ proxyId: proxy.id, version: proxy.version ?? DEFAULT_PROXY_VERSION }] : [],
      proxyStats: proxy ? proxyStats(proxy) : undefined,
    });
  }
  for (const p of manual) {
    fleet.startProxy({
      key: p.id,
      client: fleet.client(credentials.proxies.get(p.id)!),
      proxyId: p.id,
      version: p.version ?? DEFAULT_PROXY_VERSION,
      stats: proxyStats(p),
    });
  }
  log(`demo fleet: ${agentIds.length} agents and ${quick.length + manual.length} proxies heartbeating over HTTP`);
  return { agents: agentIds.length, proxies: quick.length + manual.length };
}
