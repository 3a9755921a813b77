// A client agent's liveness (SPEC §8, R7): the console hears an agent either directly (its own
// heartbeats set agent_last_seen_at) or through the proxy that vouches for it (asset.via_proxy_id):
// such an agent is online while that proxy is online, so a steady fleet behind proxies costs the
// console one proxy heartbeat per interval, not one write per client. One SQL translation of that
// rule for the lists, the filters and the connect checks; `a` is the asset row.
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { Prisma } from "@/lib/generated/prisma/client";

/** The vouching proxy's last heartbeat, or NULL when there is none or it has stopped. */
export function viaProxySeenSql(alias = "a"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(SELECT vp.last_heartbeat_at FROM proxy_server vp WHERE vp.id = ${a}.via_proxy_id AND vp.stopped_at IS NULL)`;
}

/** The columns that clientAgentStatus() reads, for a SELECT list. */
export function livenessColumnsSql(alias = "a"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}.agent_last_seen_at, ${a}.via_proxy_id, ${viaProxySeenSql(alias)} AS via_proxy_seen_at, ${a}.agent_installed`;
}

/** A condition: the agent is online (heard directly, or vouched for by an online proxy). */
export function agentOnlineSql(now = new Date(), alias = "a"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const since = new Date(now.getTime() - offlineAfterSecondsAt(now) * 1000);
  // COALESCE: NULL columns make the comparisons NULL, and NOT of this must mean "offline".
  return Prisma.sql`(${a}.agent_installed AND COALESCE(${a}.agent_last_seen_at >= ${since} OR ${a}.via_proxy_id IN
    (SELECT vp.id FROM proxy_server vp WHERE vp.last_heartbeat_at >= ${since} AND vp.stopped_at IS NULL), false))`;
}

export type LivenessRow = {
  agent_last_seen_at: Date | null;
  via_proxy_id: string | null;
  via_proxy_seen_at: Date | null;
  agent_installed: boolean;
};

/** The argument of clientAgentStatus() from a row selected with livenessColumnsSql(). */
export function seenOf(row: LivenessRow) {
  return {
    lastSeenAt: row.agent_last_seen_at,
    viaProxyId: row.via_proxy_id,
    viaProxySeenAt: row.via_proxy_seen_at,
    installed: row.agent_installed,
  };
}
