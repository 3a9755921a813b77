// One translation of the asset filters into SQL, for both lists (the inventory and a cluster's
// clients). Every value is a bound parameter; `a` is the asset row.
import { agentOnlineSql } from "@/lib/agents/liveness";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/like";
import type { AssetFilter } from "./schemas";

/**
 * The start of an address: hex digits with at least one "." or ":" ("10.30.0", "fe80::"). Such a
 * term is looked up in the prefix index alone; any other term (digits alone included) in the
 * hostnames alone. One index per search: an OR of the two made the planner read the hostnames
 * in order and compute every row's prefixes (400 ms at a million assets).
 */
const IP_PREFIX = /^[0-9a-f]*[.:][0-9a-f.:]*$/i;

/** A search term that is (the start of) an address: served by the prefix index alone. */
export function isAddressTerm(q: string): boolean {
  return IP_PREFIX.test(q);
}

export function assetConditions(filter: AssetFilter, now = new Date()): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.type?.length) where.push(Prisma.sql`a.type = ANY(${filter.type}::"AssetType"[])`);
  if (filter.os?.length) where.push(Prisma.sql`a.os = ANY(${filter.os}::"OsFamily"[])`);
  if (filter.provider?.length) where.push(Prisma.sql`a.provider = ANY(${filter.provider}::"Provider"[])`);
  if (filter.group) where.push(Prisma.sql`a.group_id = ${filter.group}::uuid`);
  if (filter.tag)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM asset_tag t WHERE t.asset_id = a.id AND t.tag_id = ${filter.tag}::uuid)`);
  if (filter.agentStatus === "online") where.push(agentOnlineSql(now));
  if (filter.agentStatus === "offline") where.push(Prisma.sql`a.agent_installed AND NOT ${agentOnlineSql(now)}`);
  if (filter.agentStatus === "not_installed") where.push(Prisma.sql`NOT a.agent_installed`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    // Each is indexed: every prefix of every address (asset_ip_prefix_search: "10.30.0" finds
    // 10.30.0.17 but not 110.30.0.17), trigrams on the hostname (asset_search).
    where.push(
      IP_PREFIX.test(filter.q)
        ? Prisma.sql`asset_ip_prefixes(a.ips) @> ARRAY[${filter.q.toLowerCase()}]::text[]`
        : Prisma.sql`a.hostname ILIKE ${pattern}`,
    );
  }
  return where;
}

/** Opaque keyset cursor: the sort value and the asset id of the last row of a page. */
export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === "string"))
      return parsed as [string, string];
  } catch {
    // fall through
  }
  return null;
}
