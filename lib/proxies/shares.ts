// A proxy group's fair split (issue 16, R13): each online proxy of a cluster should hold the
// cluster's relayed clients in proportion to its capacity, and none more than its share plus
// SHARE_TOLERANCE_PERCENT. One definition for the rebalance plan and for the proxy panel's explanation.

/** How far above its share (in percent) a proxy may go before the console moves agents off it. */
export const SHARE_TOLERANCE_PERCENT = 10;

/**
 * `total` clients split over proxies in proportion to `capacities`, in whole clients (largest
 * remainder, ties to the earlier proxy), summing to `total`. Proxies of unknown size (capacity 0)
 * get nothing unless every size is unknown; then the split is even.
 */
export function fairShares(total: number, capacities: readonly number[]): number[] {
  if (capacities.length === 0) return [];
  const known = capacities.some((c) => c > 0);
  const weights = capacities.map((c) => (known ? Math.max(0, c) : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

/** The most a proxy with this fair share may hold before agents are moved off it. */
export function shareLimit(share: number): number {
  // In whole numbers: 1.1 × 100 is 110.00000000000001 in floating point.
  return Math.ceil((share * (100 + SHARE_TOLERANCE_PERCENT)) / 100);
}
