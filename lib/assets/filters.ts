// One translation of the asset filters into SQL, for both lists (the inventory and a cluster's
// clients). Every value is a bound parameter; `a` is the asset row.
import { agentOnlineSql } from "@/lib/agents/liveness";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/like";
import type { AssetFilter } from "./schemas";

export function assetConditions(filter: AssetFilter, now = new Date()): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.type?.length) where.push(Prisma.sql`a.type = ANY(${filter.type}::"AssetType"[])`);
  if (filter.os?.length) where.push(Prisma.sql`a.os = ANY(${filter.os}::"OsFamily"[])`);
  if (filter.provider?.length) where.push(Prisma.sql`a.provider = ANY(${filter.provider}::"Provider"[])`);
  if (filter.group) where.push(Prisma.sql`a.group_id = ${filter.group}::uuid`);
  if (filter.tag)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM asset_tag t WHERE t.asset_id = a.id AND t.tag_id = ${filter.tag}::uuid)`);
  if (filter.agentStatus === "online") where.push(agentOnlineSql(now));
  if (filter.agentStatus === "offline") where.push(Prisma.sql`NOT ${agentOnlineSql(now)}`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    // Both halves are indexed: trigrams on the hostname, GIN on the IP array (asset_search migration).
    where.push(Prisma.sql`(a.hostname ILIKE ${pattern} OR a.ips @> ARRAY[${filter.q}]::text[])`);
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
