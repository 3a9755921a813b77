// Where an agent must send its heartbeats and data (SPEC §8): through the proxies at its cluster's
// contact address, or straight to the console when it is in no cluster (R16). The proxies listen on
// PROXY_PORT (8080 by default, the original's port for agents).
import { proxyPort } from "@/lib/config";

/**
 * A rebalance's request (issue 16): report through this proxy of the cluster, found among the
 * agent's endpoints by one of these host:port pairs. The agent keeps its endpoint pool (and its
 * failover) and only changes which endpoint it uses.
 */
export type PreferredProxy = {
  proxyId: string;
  endpoints: string[];
  /** Tells one request from the next to the same proxy (an agent follows each request once). */
  requestedAt: string;
};

export type AgentRoute =
  | { mode: "proxy"; clusterId: string; address: string; port: number; prefer?: PreferredProxy }
  | { mode: "direct"; consoleUrl: string };

export function routeFor(cluster: { id: string; address: string } | null, consoleUrl: string): AgentRoute {
  return cluster
    ? { mode: "proxy", clusterId: cluster.id, address: cluster.address, port: proxyPort() }
    : { mode: "direct", consoleUrl };
}

/**
 * The base URL an agent reaches through its cluster's proxies: http://<contact address>:<port>,
 * or https at the cluster's TLS port when the cluster requires TLS (issue 17).
 */
export function proxyBaseUrl(address: string, tls?: { requireTls: boolean; tlsPort: number }): string {
  const host = address.includes(":") ? `[${address}]` : address;
  return tls?.requireTls ? `https://${host}:${tls.tlsPort}` : `http://${host}:${proxyPort()}`;
}

const WILDCARD = new Set(["0.0.0.0", "::", "[::]", "*", ""]);

/**
 * Where agents reach a proxy: each address it listens on (as it reported), a wildcard one standing
 * for every IP of its server; without a report, its server's IPs at PROXY_PORT.
 */
export function proxyEndpoints(listen: readonly string[], ips: readonly string[]): string[] {
  const hostPort = (host: string, port: string | number) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);
  const out = new Set<string>();
  for (const entry of listen) {
    const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(entry);
    if (!m) continue;
    const host = m[1] ?? m[2] ?? "";
    if (WILDCARD.has(host)) for (const ip of ips) out.add(hostPort(ip, m[3]!));
    else out.add(hostPort(host, m[3]!));
  }
  if (listen.length === 0) for (const ip of ips) out.add(hostPort(ip, proxyPort()));
  return [...out];
}
