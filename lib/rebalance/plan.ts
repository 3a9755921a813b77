// The rebalance plan of a proxy group (issue 16; anchor: Zabbix 7 proxy groups): which agents to
// move between a cluster's serving proxies so that none holds more than its capacity share (R13)
// plus SHARE_TOLERANCE_PERCENT. Pure: the job (run-rebalance.ts) reads the holdings and applies the moves.
//  - Only proxies over their limit give, and only down to the limit: no more agents move than needed.
//  - Receivers are filled up to their share, the emptiest (by share) first.
//  - At most `maxMoves` agents move in one pass (500 a minute per cluster, the R12 pace).
// Agents of offline proxies are not the console's to move: they fail over by themselves, and a
// later pass spreads them.
import { fairShares, shareLimit } from "@/lib/proxies/shares";

export type Holding = { proxyId: string; capacity: number; held: number };
export type Move = { from: string; to: string; count: number };
export type RebalancePlan = {
  reason: "proxy_joined" | "spread";
  moved: number;
  moves: Move[];
  shares: { proxyId: string; held: number; share: number }[];
};

/** The R12 pace: at most this many agents move per cluster per minute. */
export const MOVES_PER_MINUTE = 500;

/** `serving`: the cluster's online proxies with what they hold now. Null when nothing is to move. */
export function planRebalance(serving: readonly Holding[], maxMoves = MOVES_PER_MINUTE): RebalancePlan | null {
  if (serving.length < 2 || maxMoves <= 0) return null;
  const total = serving.reduce((sum, p) => sum + p.held, 0);
  const shares = fairShares(
    total,
    serving.map((p) => p.capacity),
  );
  const givers = serving
    .map((p, i) => ({ proxyId: p.proxyId, excess: p.held - shareLimit(shares[i]!) }))
    .filter((g) => g.excess > 0)
    .sort((a, b) => b.excess - a.excess);
  if (givers.length === 0) return null;
  // Under the cap, every giver gives its part of it, in proportion to its excess.
  const quotas = fairShares(
    Math.min(
      maxMoves,
      givers.reduce((sum, g) => sum + g.excess, 0),
    ),
    givers.map((g) => g.excess),
  );
  givers.forEach((g, i) => (g.excess = quotas[i]!));
  const takers = serving
    .map((p, i) => ({ proxyId: p.proxyId, room: shares[i]! - p.held, fill: shares[i] ? p.held / shares[i]! : 1 }))
    .filter((t) => t.room > 0)
    .sort((a, b) => a.fill - b.fill || b.room - a.room);
  const moves: Move[] = [];
  let t = 0;
  for (const giver of givers) {
    while (giver.excess > 0 && t < takers.length) {
      const taker = takers[t]!;
      const count = Math.min(giver.excess, taker.room);
      moves.push({ from: giver.proxyId, to: taker.proxyId, count });
      giver.excess -= count;
      taker.room -= count;
      if (taker.room === 0) t++;
    }
  }
  const moved = moves.reduce((sum, m) => sum + m.count, 0);
  if (moved === 0) return null;
  const receivers = new Set(moves.map((m) => m.to));
  return {
    reason: serving.some((p) => receivers.has(p.proxyId) && p.held === 0) ? "proxy_joined" : "spread",
    moved,
    moves,
    shares: serving.map((p, i) => ({ proxyId: p.proxyId, held: p.held, share: shares[i]! })),
  };
}
