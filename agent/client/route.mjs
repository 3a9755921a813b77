// Where the agent reports (SPEC §8): through its cluster's proxies (every address its contact
// address resolves to, or AEGIS_PROXY_ENDPOINTS, with failover between them) or straight to the
// console. The console says which in every heartbeat answer; a change moves the agent at once.
import { createTlsFetch } from "../tls-fetch.mjs";
import { EndpointPool, resolveEndpoints } from "./endpoints.mjs";

export function sameRoute(a, b) {
  if (!a || !b || a.mode !== b.mode) return false;
  return a.mode === "direct" ? a.consoleUrl === b.consoleUrl : a.address === b.address && a.port === b.port;
}

/**
 * TLS to the route's proxies (issue 17): when this agent holds the console CA and knows its
 * cluster serves TLS (`tls` from the install script or a proxy's answer, for this cluster). Then
 * only https is used, the CA pinned and the name checked against the contact address: never a
 * fallback to plain HTTP, which is what an attacker on the path would arrange.
 */
export function tlsFor(route, tls, ca) {
  return ca && tls && route?.mode === "proxy" && tls.clusterId === route.clusterId ? { port: tls.port, ca } : null;
}

/** Points the protocol client at the route's endpoints; resolves a contact address's every address. */
export async function applyRoute(client, route, { override = null, lookup, tls = null, keepHost = false } = {}) {
  if (route.mode === "direct") {
    // The console's own certificate is not the console CA's: https to it takes the default fetch.
    client.setTlsFetch?.(null);
    client.setUrl(route.consoleUrl);
    return [route.consoleUrl];
  }
  const urls = await resolveEndpoints({
    address: route.address,
    port: tls ? tls.port : route.port,
    override,
    scheme: tls ? "https" : "http",
    ...(lookup ? { lookup } : {}),
  });
  client.setTlsFetch?.(tls ? createTlsFetch({ ca: tls.ca, servername: route.address }) : null);
  // The move to TLS changes scheme and port, not the proxy: stay on the one in use, since hopping
  // to another at that moment makes two proxies report the agent at once.
  const pool = new EndpointPool(urls);
  if (keepHost && client.url) pool.replace(urls, client.url);
  client.setEndpoints(pool);
  return urls;
}
