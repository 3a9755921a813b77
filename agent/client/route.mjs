// Where the agent reports (SPEC §8): through its cluster's proxies (every address its contact
// address resolves to, or AEGIS_PROXY_ENDPOINTS, with failover between them) or straight to the
// console. The console says which in every heartbeat answer; a change moves the agent at once.
import { EndpointPool, resolveEndpoints } from "./endpoints.mjs";

export function sameRoute(a, b) {
  if (!a || !b || a.mode !== b.mode) return false;
  return a.mode === "direct" ? a.consoleUrl === b.consoleUrl : a.address === b.address && a.port === b.port;
}

/** Points the protocol client at the route's endpoints; resolves a contact address's every address. */
export async function applyRoute(client, route, { override = null, lookup } = {}) {
  if (route.mode === "direct") {
    client.setUrl(route.consoleUrl);
    return [route.consoleUrl];
  }
  const urls = await resolveEndpoints({ address: route.address, port: route.port, override, ...(lookup ? { lookup } : {}) });
  client.setEndpoints(new EndpointPool(urls));
  return urls;
}
