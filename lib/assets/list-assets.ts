// Keyset-paginated asset lists: the region's inventory and one cluster's clients (SPEC §4).
// The cursor carries the last row's sort value and id, so a deep page costs what the first does.
// Each page is one SQL statement (rows, group, cluster, tags together): at a million connections
// a list must cost one index walk, not a round trip per relation (issue #5, bench:clients).
import type { z } from "zod";
import { db, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import { assetConditions, decodeCursor, encodeCursor } from "./filters";
import type { listAssetsQuerySchema, listClientsQuerySchema } from "./schemas";
import { toAssetDto, type AssetDto, type AssetRow } from "./serialize";

export type AssetPage = { items: AssetDto[]; nextCursor: string | null };

type Sort = { sort: "hostname" | "connectedAt"; order: "asc" | "desc"; cursor?: string; limit: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = Prisma.sql`
  a.id, a.hostname, a.type, a.os, a.os_version, a.provider, a.region, a.ips, a.cpu_cores, a.memory_mb,
  a.agent_version, a.agent_last_seen_at, g.id AS group_id, g.name AS group_name,
  cc.cluster_id, cc.connected_at, c.name AS cluster_name, p.cluster_id AS proxy_of,
  COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
              FROM asset_tag at JOIN tag t ON t.id = at.tag_id WHERE at.asset_id = a.id), '[]') AS tags`;

const JOINS = Prisma.sql`
  LEFT JOIN asset_group g ON g.id = a.group_id
  LEFT JOIN proxy_cluster c ON c.id = cc.cluster_id
  LEFT JOIN proxy_server p ON p.asset_id = a.id`;

function badCursor(): AppError {
  return new AppError("VALIDATION_FAILED", "The cursor is not one this API returned.", {
    fields: [{ path: "query.cursor", code: "invalid_cursor", message: "Unknown cursor." }],
  });
}

/** The ORDER BY and the "after the cursor" condition, on the given sort columns. */
function keyset(s: Sort, columns: { hostname: Prisma.Sql; connectedAt: Prisma.Sql; id: Prisma.Sql }) {
  const after = decodeCursor(s.cursor);
  if (s.cursor && (!after || !UUID.test(after[1]))) throw badCursor();
  const value = s.sort === "connectedAt" ? columns.connectedAt : columns.hostname;
  const direction = s.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const orderBy = Prisma.sql`ORDER BY ${value} ${direction}, ${columns.id} ${direction}`;
  if (!after) return { where: [], orderBy };
  let key: string | Date = after[0];
  if (s.sort === "connectedAt") {
    key = new Date(after[0]);
    if (Number.isNaN(key.getTime())) throw badCursor();
  }
  // A row comparison, so that PostgreSQL walks the (…, value, id) index from the cursor on.
  const where =
    s.order === "asc"
      ? Prisma.sql`(${value}, ${columns.id}) > (${key}, ${after[1]}::uuid)`
      : Prisma.sql`(${value}, ${columns.id}) < (${key}, ${after[1]}::uuid)`;
  return { where: [where], orderBy };
}

function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** One page of a cluster's clients, walking client_connection's (cluster_id, hostname|connected_at, asset_id) index. */
export function clientsPageSql(clusterId: string, q: z.output<typeof listClientsQuerySchema>): Prisma.Sql {
  const { where, orderBy } = keyset(q, {
    hostname: Prisma.sql`cc.hostname`,
    connectedAt: Prisma.sql`cc.connected_at`,
    id: Prisma.sql`cc.asset_id`,
  });
  const conditions = [Prisma.sql`cc.cluster_id = ${clusterId}::uuid`, ...assetConditions(q), ...where];
  return Prisma.sql`SELECT ${COLUMNS} FROM client_connection cc JOIN asset a ON a.id = cc.asset_id ${JOINS}
    ${whereClause(conditions)} ${orderBy} LIMIT ${q.limit + 1}`;
}

function assetsPageSql(q: z.output<typeof listAssetsQuerySchema>): Prisma.Sql {
  const { where, orderBy } = keyset(q, {
    hostname: Prisma.sql`a.hostname`,
    connectedAt: Prisma.sql`cc.connected_at`,
    id: Prisma.sql`a.id`,
  });
  const conditions = [Prisma.sql`a.region = ${q.region}::"Region"`, ...assetConditions(q), ...where];
  if (q.connected === "yes") conditions.push(Prisma.sql`cc.asset_id IS NOT NULL`);
  if (q.connected === "no") conditions.push(Prisma.sql`cc.asset_id IS NULL`);
  if (q.installCommand) conditions.push(Prisma.sql`a.install_command_id = ${q.installCommand}::uuid`);
  return Prisma.sql`SELECT ${COLUMNS} FROM asset a LEFT JOIN client_connection cc ON cc.asset_id = a.id ${JOINS}
    ${whereClause(conditions)} ${orderBy} LIMIT ${q.limit + 1}`;
}

async function page(sql: Prisma.Sql, s: Sort): Promise<AssetPage> {
  const rows = await queryRows<AssetRow>(sql);
  const now = new Date();
  const items = rows.slice(0, s.limit).map((r) => toAssetDto(r, now));
  const last = rows.length > s.limit ? rows[s.limit - 1]! : null;
  const nextCursor = last
    ? encodeCursor(s.sort === "connectedAt" && last.connected_at ? last.connected_at.toISOString() : last.hostname, last.id)
    : null;
  return { items, nextCursor };
}

export async function listClients(clusterId: string, q: z.output<typeof listClientsQuerySchema>): Promise<AssetPage> {
  const result = await page(clientsPageSql(clusterId, q), q);
  // An empty page costs one more lookup, to tell an unknown cluster (404) from an empty one.
  if (result.items.length === 0) {
    const cluster = await db().proxyCluster.findUnique({ where: { id: clusterId }, select: { id: true } });
    if (!cluster) throw notFound("Cluster", clusterId);
  }
  return result;
}

export async function listAssets(q: z.output<typeof listAssetsQuerySchema>): Promise<AssetPage> {
  return page(assetsPageSql(q), q);
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
