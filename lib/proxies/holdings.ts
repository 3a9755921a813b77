// Why each proxy of a cluster holds what it holds (issue 16, R13): its fair share of the clients
// the cluster's proxies relay (fairShares over the serving proxies' capacities, the split the
// rebalance aims at), whether it is over its capacity, and the one reason that explains it best.
import { fairShares, shareLimit } from "./shares";

export type HoldingInput = {
  /** Online or upgrading: relays now. */
  serving: boolean;
  /** R13 from its cores and memory; 0 when it never reported them. */
  capacity: number;
  /** Clients it relays now (asset.via_proxy_id). */
  held: number;
};

/**
 * - not_serving: offline or not started, yet clients still point at it; they fail over by themselves.
 * - others_offline: over its capacity because some of the cluster's proxies are offline: even a
 *   perfect split would not fit the serving ones.
 * - cluster_full: over its capacity, and every proxy serves: the cluster needs another proxy.
 * - paced: above its share plus the tolerance; the rebalance moves the rest at the R12 pace.
 * - within_tolerance: above its share, but by no more than the tolerance the rebalance allows.
 */
export type HoldingNote = "not_serving" | "others_offline" | "cluster_full" | "paced" | "within_tolerance";

export type Holding = {
  /** Its fair share of the relayed clients; null when it does not serve. */
  fairShare: number | null;
  /** The most it may hold before the rebalance moves clients off it. */
  shareLimit: number | null;
  overShare: boolean;
  /** A serving proxy of known size that holds more clients than its capacity. */
  overCapacity: boolean;
  note: HoldingNote | null;
};

export function explainHoldings(proxies: readonly HoldingInput[]): { relayedClients: number; holdings: Holding[] } {
  const relayedClients = proxies.reduce((sum, p) => sum + p.held, 0);
  const serving = proxies.flatMap((p, i) => (p.serving ? [i] : []));
  const shares = fairShares(
    relayedClients,
    serving.map((i) => proxies[i]!.capacity),
  );
  const shareOf = new Map(serving.map((index, k) => [index, shares[k]!]));
  const someOffline = serving.length < proxies.length;
  const holdings = proxies.map((p, i): Holding => {
    const share = shareOf.get(i);
    if (share === undefined) {
      return {
        fairShare: null,
        shareLimit: null,
        overShare: false,
        overCapacity: false,
        note: p.held > 0 ? "not_serving" : null,
      };
    }
    const limit = shareLimit(share);
    const overCapacity = p.capacity > 0 && p.held > p.capacity;
    const overShare = p.held > limit;
    const note: HoldingNote | null = overCapacity
      ? share > p.capacity
        ? someOffline
          ? "others_offline"
          : "cluster_full"
        : "paced"
      : overShare
        ? "paced"
        : p.held > share
          ? "within_tolerance"
          : null;
    return { fairShare: share, shareLimit: limit, overShare, overCapacity, note };
  });
  return { relayedClients, holdings };
}
