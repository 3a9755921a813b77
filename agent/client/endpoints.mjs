// Where the client agent finds its proxies (SPEC §7): the cluster's contact address resolves to
// every proxy of the cluster, and the agent fails over between them.
import dns from "node:dns";
import net from "node:net";

function toUrl(host, port, scheme = "http") {
  return net.isIPv6(host) ? `${scheme}://[${host}]:${port}` : `${scheme}://${host}:${port}`;
}

/**
 * One `host:port`, `[v6]:port` or bare host (then `port`) of AEGIS_PROXY_ENDPOINTS. Over TLS the
 * listed ports (the plain listener's) give way to the cluster's TLS port.
 */
function parseEndpoint(entry, port, scheme = "http") {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(entry);
  const host = match?.[1] ?? match?.[2];
  const chosen = Number(scheme === "https" ? port : (match?.[3] ?? port));
  if (!host || (match[1] && !net.isIPv6(host)) || !(chosen >= 1 && chosen <= 65535)) {
    throw new TypeError(`proxy endpoint "${entry}" is not host:port (IPv6 as [addr]:port)`);
  }
  return toUrl(host, chosen, scheme);
}

/**
 * Base URLs of the proxies, deduplicated, in order: the override list as given, or else every
 * address `address` resolves to (an IP literal needs no lookup). Rejects when the override is
 * malformed or the name does not resolve; the caller retries with backoff.
 */
export async function resolveEndpoints({ address, port, override, lookup = dns.promises.lookup, scheme = "http" }) {
  const entries = (override ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > 0) return [...new Set(entries.map((entry) => parseEndpoint(entry, port, scheme)))];
  const host = address.replace(/^\[(.*)\]$/, "$1");
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0) throw new Error(`${address} resolves to no address`);
  return [...new Set(addresses.map((a) => toUrl(a, port, scheme)))];
}

/**
 * The endpoint in use and the failover order. A pool starts at a random endpoint (so a fleet
 * spreads over the proxies of a cluster) and fails over round-robin from there, skipping those
 * marked failed; once every endpoint has failed, the marks are cleared and the cycle goes on
 * from the next one. `succeeded` clears a mark.
 */
export class EndpointPool {
  constructor(urls, { random = Math.random } = {}) {
    this.random = random;
    this.replace(urls);
  }

  get urls() {
    return [...this.list];
  }

  current() {
    return this.list[this.index];
  }

  /** Marks `url` failed; when it is the current one, moves on. Returns the endpoint to use now. */
  failed(url) {
    if (!this.list.includes(url)) return this.current();
    this.failedUrls.add(url);
    if (url !== this.current()) return this.current();
    if (this.failedUrls.size >= this.list.length) this.failedUrls.clear();
    for (let step = 1; step <= this.list.length; step++) {
      const next = (this.index + step) % this.list.length;
      if (!this.failedUrls.has(this.list[next])) {
        this.index = next;
        break;
      }
    }
    return this.current();
  }

  /**
   * A rebalance (issue 16): use the endpoint at one of these host:port pairs from now on, marks
   * cleared. Returns its URL, or null when none of them is in the pool (then nothing changes).
   */
  prefer(hostPorts) {
    const wanted = new Set(hostPorts.map((h) => h.toLowerCase()));
    let index = this.list.findIndex((url) => wanted.has(new URL(url).host.toLowerCase()));
    // Over TLS the pool's ports are the TLS port, not the reported plain ones: match the host.
    if (index < 0) {
      const hosts = new Set([...wanted].map((h) => h.replace(/:\d+$/, "")));
      index = this.list.findIndex((url) => url.startsWith("https:") && hosts.has(new URL(url).hostname.toLowerCase()));
    }
    if (index < 0) return null;
    this.index = index;
    this.failedUrls.delete(this.list[index]);
    return this.list[index];
  }

  succeeded(url) {
    this.failedUrls.delete(url);
  }

  /**
   * A new list (a re-resolved address, or the move to TLS): the current endpoint and the marks are
   * kept where still listed, and the current proxy host where only the scheme or port changed.
   * `current`: the endpoint in use, when it was another pool's.
   */
  replace(urls, current = this.list?.[this.index]) {
    const list = [...new Set(urls)];
    if (list.length === 0) throw new RangeError("EndpointPool needs at least one endpoint");
    this.list = list;
    this.failedUrls = new Set([...(this.failedUrls ?? [])].filter((url) => list.includes(url)));
    // A change of scheme or port only (plain HTTP to TLS) keeps the agent on the proxy it uses:
    // hopping to another one at that moment would make two proxies report it at once.
    const sameHost = current ? list.findIndex((url) => new URL(url).hostname === new URL(current).hostname) : -1;
    this.index = list.includes(current)
      ? list.indexOf(current)
      : sameHost >= 0
        ? sameHost
        : Math.min(list.length - 1, Math.floor(this.random() * list.length));
  }
}
