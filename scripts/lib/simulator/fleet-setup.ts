// `npm run simulate` without --demo: everything through the operator API and the agent
// protocol, like real servers. Proxies first (manual deploy commands), so their capacity (R13)
// is online before the agents register through the clusters' install commands.
import { DEFAULT_PROXY_VERSION, ProtocolError } from "../../../agent/protocol.mjs";
import { fakeFacts } from "./fake-facts";
import type { Fleet } from "./fleet";
import { mapLimit } from "./limiter";
import { OperatorApi, OperatorApiError, type ClusterSummary } from "./operator-api";
import type { FleetSimOptions } from "./options";

const REGISTER_CONCURRENCY = 8;

async function ensureClusters(api: OperatorApi, o: FleetSimOptions, log: (line: string) => void): Promise<ClusterSummary[]> {
  const existing = await api.listClusters(o.region);
  const clusters: ClusterSummary[] = [];
  for (const name of o.clusters) {
    let cluster = existing.find((c) => c.name === name);
    if (!cluster) {
      // A domain address, so the cluster may hold several proxies (R4).
      const address = `${name}.sim.example.internal`;
      cluster = await api.createCluster({ region: o.region, name, address, description: "Fleet simulator" });
      log(`created cluster ${name} (${address})`);
    }
    clusters.push(cluster);
  }
  return clusters;
}

/** R8: a proxy left from an earlier run can be replaced once it is offline. */
async function removeStaleProxy(api: OperatorApi, error: ProtocolError, log: (line: string) => void): Promise<boolean> {
  const details = error.details as { assetId?: string; clusterId?: string } | undefined;
  if (error.code !== "ALREADY_PROXY" || !details?.assetId || !details.clusterId) return false;
  const stale = (await api.listProxies(details.clusterId)).items.find((p) => p.asset.id === details.assetId);
  if (!stale?.canDelete) return false;
  await api.deleteProxy(stale.id);
  log(`deleted offline proxy ${stale.asset.hostname} left by an earlier run`);
  return true;
}

async function startProxies(
  api: OperatorApi,
  fleet: Fleet,
  o: FleetSimOptions,
  clusters: ClusterSummary[],
  log: (l: string) => void,
) {
  const version = (await api.listProxies(clusters[0]!.id)).latestVersion ?? DEFAULT_PROXY_VERSION;
  const numbers = Array.from({ length: o.proxies }, (_, i) => i + 1);
  const results = await mapLimit(numbers, REGISTER_CONCURRENCY, async (n) => {
    const cluster = clusters[(n - 1) % clusters.length]!;
    const facts = fakeFacts(o.region, "proxy", n, o.prefix);
    const client = fleet.client(null, 6);
    try {
      const { token } = await api.deployManual(cluster.id, 1);
      let reg;
      try {
        reg = await client.registerProxy(token, facts, version);
      } catch (error) {
        if (!(error instanceof ProtocolError && (await removeStaleProxy(api, error, log)))) throw error;
        reg = await client.registerProxy(token, facts, version);
      }
      client.setCredential(reg.credential);
      fleet.startProxy({ key: facts.hostname, client, proxyId: reg.proxyId, version, stagger: false });
      return true;
    } catch (error) {
      log(`proxy ${facts.hostname} → ${cluster.name}: ${(error as Error).message}`);
      return false;
    }
  });
  return results.filter(Boolean).length;
}

async function startAgents(
  api: OperatorApi,
  fleet: Fleet,
  o: FleetSimOptions,
  clusters: ClusterSummary[],
  log: (l: string) => void,
) {
  const tokens = await Promise.all(
    clusters.map((c) => api.createInstallCommand({ region: o.region, clusterId: c.id, expiresInHours: 1 })),
  );
  const numbers = Array.from({ length: o.agents }, (_, i) => i + 1);
  let failures = 0;
  const results = await mapLimit(numbers, REGISTER_CONCURRENCY, async (n) => {
    if (fleet.controller.signal.aborted) return false;
    const c = (n - 1) % clusters.length;
    const facts = fakeFacts(o.region, "agent", n, o.prefix);
    // Generous retries: a full R12 window answers 429 with Retry-After, which the client waits out.
    const client = fleet.client(null, 30);
    try {
      const reg = await client.register(tokens[c]!.token, facts);
      client.setCredential(reg.credential);
      fleet.startAgent({ key: facts.hostname, client });
      return true;
    } catch (error) {
      if (failures++ < 20) log(`agent ${facts.hostname} → ${clusters[c]!.name}: ${(error as Error).message}`);
      return false;
    }
  });
  return results.filter(Boolean).length;
}

export async function startFleet(fleet: Fleet, o: FleetSimOptions, log: (line: string) => void) {
  const api = new OperatorApi(o.url, o.token);
  let clusters: ClusterSummary[];
  try {
    clusters = await ensureClusters(api, o, log);
  } catch (error) {
    if (error instanceof OperatorApiError && error.status === 401)
      throw new Error(`the console refused the API token: ${error.message}`);
    throw error;
  }
  const proxies = await startProxies(api, fleet, o, clusters, log);
  log(`${proxies}/${o.proxies} proxies registered and heartbeating`);
  const agents = await startAgents(api, fleet, o, clusters, log);
  log(`${agents}/${o.agents} agents registered and heartbeating`);
  return { agents, proxies };
}
