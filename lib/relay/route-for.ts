// Where an agent must send its heartbeats and data (SPEC §8): through the proxies at its cluster's
// contact address, or straight to the console when it is in no cluster (R16). The proxies listen on
// PROXY_PORT (8080 by default, the original's port for agents).
import { proxyPort } from "@/lib/config";

export type AgentRoute =
  { mode: "proxy"; clusterId: string; address: string; port: number } | { mode: "direct"; consoleUrl: string };

export function routeFor(cluster: { id: string; address: string } | null, consoleUrl: string): AgentRoute {
  return cluster
    ? { mode: "proxy", clusterId: cluster.id, address: cluster.address, port: proxyPort() }
    : { mode: "direct", consoleUrl };
}

/** The base URL an agent reaches through its cluster's proxies: http://<contact address>:<port>. */
export function proxyBaseUrl(address: string): string {
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${proxyPort()}`;
}
