// Keyset-paginated asset lists: the region's inventory and one cluster's clients (SPEC §4).
// The cursor carries the last row's sort value and id, so a deep page costs what the first does.
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import { assetWhere, decodeCursor, encodeCursor } from "./filters";
import type { listAssetsQuerySchema, listClientsQuerySchema } from "./schemas";
import { assetListSelect, toAssetDto, type AssetDto } from "./serialize";

export type AssetPage = { items: AssetDto[]; nextCursor: string | null };

type Sort = { sort: "hostname" | "connectedAt"; order: "asc" | "desc"; cursor?: string; limit: number };

function keyset(s: Sort): { where: Prisma.AssetWhereInput; orderBy: Prisma.AssetOrderByWithRelationInput[] } {
  const cmp = s.order === "asc" ? "gt" : "lt";
  const after = decodeCursor(s.cursor);
  if (s.cursor && !after)
    throw new AppError("VALIDATION_FAILED", "The cursor is not one this API returned.", {
      fields: [{ path: "query.cursor", code: "invalid_cursor", message: "Unknown cursor." }],
    });
  if (s.sort === "connectedAt") {
    const orderBy = [{ connection: { connectedAt: s.order } }, { id: s.order }];
    if (!after) return { where: {}, orderBy };
    const at = new Date(after[0]);
    return {
      where: {
        OR: [{ connection: { connectedAt: { [cmp]: at } } }, { connection: { connectedAt: at }, id: { [cmp]: after[1] } }],
      },
      orderBy,
    };
  }
  const orderBy = [{ hostname: s.order }, { id: s.order }];
  if (!after) return { where: {}, orderBy };
  return { where: { OR: [{ hostname: { [cmp]: after[0] } }, { hostname: after[0], id: { [cmp]: after[1] } }] }, orderBy };
}

async function page(base: Prisma.AssetWhereInput, s: Sort): Promise<AssetPage> {
  const { where, orderBy } = keyset(s);
  const rows = await db().asset.findMany({ where: { AND: [base, where] }, orderBy, take: s.limit + 1, select: assetListSelect });
  const now = new Date();
  const items = rows.slice(0, s.limit).map((r) => toAssetDto(r, now));
  const last = rows.length > s.limit ? rows[s.limit - 1]! : null;
  const nextCursor = last
    ? encodeCursor(s.sort === "connectedAt" ? last.connection!.connectedAt.toISOString() : last.hostname, last.id)
    : null;
  return { items, nextCursor };
}

export async function listClients(clusterId: string, q: z.output<typeof listClientsQuerySchema>): Promise<AssetPage> {
  const cluster = await db().proxyCluster.findUnique({ where: { id: clusterId }, select: { id: true } });
  if (!cluster) throw notFound("Cluster", clusterId);
  return page({ ...assetWhere(q), connection: { clusterId } }, q);
}

export async function listAssets(q: z.output<typeof listAssetsQuerySchema>): Promise<AssetPage> {
  const connected =
    q.connected === "yes" ? { connection: { isNot: null } } : q.connected === "no" ? { connection: { is: null } } : {};
  const byCommand = q.installCommand ? { installCommandId: q.installCommand } : {};
  return page({ region: q.region, ...assetWhere(q), ...connected, ...byCommand }, q);
}

/** Everything matching a filter, in pages, for the CSV export (streamed, never all in memory). */
export async function* allClients(clusterId: string, q: z.output<typeof listClientsQuerySchema>) {
  let cursor: string | undefined;
  do {
    const result = await listClients(clusterId, { ...q, cursor, limit: 500 });
    yield result.items;
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}
