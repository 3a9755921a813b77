// One translation of the asset filters into a Prisma where clause, for both lists.
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/like";
import type { AssetFilter } from "./schemas";

export function assetWhere(filter: AssetFilter, now = new Date()): Prisma.AssetWhereInput {
  const onlineSince = new Date(now.getTime() - config.offlineAfterSeconds * 1000);
  const q = filter.q ? escapeLike(filter.q) : undefined;
  return {
    ...(filter.type?.length ? { type: { in: filter.type } } : {}),
    ...(filter.os?.length ? { os: { in: filter.os } } : {}),
    ...(filter.provider?.length ? { provider: { in: filter.provider } } : {}),
    ...(filter.group ? { groupId: filter.group } : {}),
    ...(filter.tag ? { tags: { some: { tagId: filter.tag } } } : {}),
    ...(filter.agentStatus === "online" ? { agentLastSeenAt: { gte: onlineSince } } : {}),
    ...(filter.agentStatus === "offline" ? { OR: [{ agentLastSeenAt: null }, { agentLastSeenAt: { lt: onlineSince } }] } : {}),
    ...(q ? { AND: [{ OR: [{ hostname: { contains: q, mode: "insensitive" } }, { ips: { has: filter.q } }] }] } : {}),
  };
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
