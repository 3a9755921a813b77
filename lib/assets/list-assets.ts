// Keyset-paginated asset lists: the region's inventory and one cluster's clients (SPEC §4).
// The cursor carries the last row's sort value and id, so a deep page costs what the first does.
// Each page is one SQL statement: the page's rows first (an index walk, or for a search the search
// indexes), then their group, cluster, proxy and tags. At a million connections a page must cost
// one index walk, not a round trip per relation (issue #5, bench:clients).
import { z } from "zod";
import { livenessColumnsSql } from "@/lib/agents/liveness";
import { db, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import { countMatches, type ListTotal } from "./count-matches";
import { assetConditions, decodeCursor, encodeCursor, isAddressTerm } from "./filters";
import type { listAssetsQuerySchema, listClientsQuerySchema } from "./schemas";
import { toAssetDto, type AssetDto, type AssetRow } from "./serialize";

/** One keyset page. The number of rows the filter matches is its own request (countClients,
 * countAssets: issue 13 item 10), so a slow count never holds the rows back. */
export type AssetPage = { items: AssetDto[]; nextCursor: string | null };

type Sort = { sort: "hostname" | "connectedAt"; order: "asc" | "desc"; cursor?: string; limit: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Adds group, cluster, proxy and tags to the rows of one page (at most limit + 1 asset rows from
 * `page`), so their joins cost the page, whatever the filters matched. `orderBy` repeats the
 * page's order on these aliases.
 */
function decorate(page: Prisma.Sql, orderBy: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.hostname, a.type, a.os, a.os_version, a.provider, a.region, a.ips, a.cpu_cores, a.memory_mb,
           a.agent_version, ${livenessColumnsSql()}, g.id AS group_id, g.name AS group_name,
           cc.cluster_id, cc.connected_at, c.name AS cluster_name, p.cluster_id AS proxy_of,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                       FROM asset_tag at JOIN tag t ON t.id = at.tag_id WHERE at.asset_id = a.id), '[]') AS tags
      FROM (${page}) a
      LEFT JOIN asset_group g ON g.id = a.group_id
      LEFT JOIN client_connection cc ON cc.asset_id = a.id
      LEFT JOIN proxy_cluster c ON c.id = cc.cluster_id
      LEFT JOIN proxy_server p ON p.asset_id = a.id
    ${orderBy}`;
}

function badCursor(): AppError {
  return new AppError("VALIDATION_FAILED", "The cursor is not one this API returned.", {
    fields: [{ path: "query.cursor", code: "invalid_cursor", message: "Unknown cursor." }],
  });
}

type SortColumns = { hostname: Prisma.Sql; connectedAt: Prisma.Sql; id: Prisma.Sql };

function orderBy(s: Sort, columns: SortColumns): Prisma.Sql {
  const value = s.sort === "connectedAt" ? columns.connectedAt : columns.hostname;
  const direction = s.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.sql`ORDER BY ${value} ${direction}, ${columns.id} ${direction}`;
}

/** The "after the cursor" condition on the given sort columns (none on the first page). */
function afterCursor(s: Sort, columns: SortColumns): Prisma.Sql[] {
  const after = decodeCursor(s.cursor);
  if (s.cursor && (!after || !UUID.test(after[1]))) throw badCursor();
  if (!after) return [];
  let key: string | Date = after[0];
  if (s.sort === "connectedAt") {
    key = new Date(after[0]);
    if (Number.isNaN(key.getTime())) throw badCursor();
  }
  const value = s.sort === "connectedAt" ? columns.connectedAt : columns.hostname;
  // A row comparison, so that PostgreSQL walks the (…, value, id) index from the cursor on.
  return [
    s.order === "asc"
      ? Prisma.sql`(${value}, ${columns.id}) > (${key}, ${after[1]}::uuid)`
      : Prisma.sql`(${value}, ${columns.id}) < (${key}, ${after[1]}::uuid)`,
  ];
}

function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const DECORATED: SortColumns = {
  hostname: Prisma.sql`a.hostname`,
  connectedAt: Prisma.sql`cc.connected_at`,
  id: Prisma.sql`a.id`,
};

/** One page of a cluster's clients, walking client_connection's (cluster_id, hostname|connected_at, asset_id) index. */
export function clientsPageSql(clusterId: string, q: z.output<typeof listClientsQuerySchema>): Prisma.Sql {
  const columns = { hostname: Prisma.sql`cc.hostname`, connectedAt: Prisma.sql`cc.connected_at`, id: Prisma.sql`cc.asset_id` };
  const conditions = [Prisma.sql`cc.cluster_id = ${clusterId}::uuid`, ...assetConditions(q), ...afterCursor(q, columns)];
  const page = Prisma.sql`SELECT a.* FROM client_connection cc JOIN asset a ON a.id = cc.asset_id
    ${whereClause(conditions)} ${orderBy(q, columns)} LIMIT ${q.limit + 1}`;
  return decorate(page, orderBy(q, DECORATED));
}

/** Rows of the hostname walk a search reads before it turns to the search indexes. */
const SEARCH_WALK_ROWS = 5000;

function inventoryFilters(q: z.output<typeof listAssetsQuerySchema>): Prisma.Sql[] {
  const filters = assetConditions(q);
  // OFFSET 0 keeps (NOT) EXISTS a per-row check. As an anti-join PostgreSQL expects almost no
  // unconnected assets when most are connected, then hashes and sorts them all: seconds at a
  // million assets instead of a millisecond.
  if (q.connected === "yes")
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM client_connection x WHERE x.asset_id = a.id OFFSET 0)`);
  if (q.connected === "no")
    filters.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM client_connection x WHERE x.asset_id = a.id OFFSET 0)`);
  if (q.installCommand) filters.push(Prisma.sql`a.install_command_id = ${q.installCommand}::uuid`);
  return filters;
}

/**
 * One page of the region's inventory by hostname:
 * - "walk": along the (region, hostname) index, filtering as it goes;
 * - "bounded walk": the same over the next SEARCH_WALK_ROWS assets only (a common search term
 *   fills its page there);
 * - "search indexes": all matches through the trigram and IP indexes, then sorted (a rare term).
 * PostgreSQL cannot tell the two kinds of term apart (it expects any term to match thousands), so
 * listAssets tries the bounded walk first.
 */
function assetsPageSql(q: z.output<typeof listAssetsQuerySchema>, strategy: "walk" | "bounded walk" | "search indexes") {
  // The inventory sorts by hostname only (listAssetsQuerySchema).
  const columns = { hostname: Prisma.sql`a.hostname`, connectedAt: Prisma.sql`a.hostname`, id: Prisma.sql`a.id` };
  const scope = [Prisma.sql`a.region = ${q.region}::"Region"`, ...afterCursor(q, columns)];
  const filters = inventoryFilters(q);
  const order = orderBy(q, columns);
  const limit = q.limit + 1;
  let page: Prisma.Sql;
  if (strategy === "walk") {
    page = Prisma.sql`SELECT a.* FROM asset a ${whereClause([...scope, ...filters])} ${order} LIMIT ${limit}`;
  } else if (strategy === "bounded walk") {
    page = Prisma.sql`
      SELECT a.* FROM (SELECT a.* FROM asset a ${whereClause(scope)} ${order} LIMIT ${SEARCH_WALK_ROWS}) a
      ${whereClause(filters)} ${order} LIMIT ${limit}`;
  } else {
    const bare = { hostname: Prisma.sql`hostname`, connectedAt: Prisma.sql`hostname`, id: Prisma.sql`id` };
    page = Prisma.sql`
      WITH found AS MATERIALIZED (SELECT a.id, a.hostname FROM asset a ${whereClause([...scope, ...filters])})
      SELECT a.* FROM (SELECT id, hostname FROM found ${orderBy(q, bare)} LIMIT ${limit}) f JOIN asset a ON a.id = f.id`;
  }
  return decorate(page, orderBy(q, DECORATED));
}

function toPage(rows: AssetRow[], s: Sort): { items: AssetDto[]; nextCursor: string | null } {
  const now = new Date();
  const items = rows.slice(0, s.limit).map((r) => toAssetDto(r, now));
  const last = rows.length > s.limit ? rows[s.limit - 1]! : null;
  const nextCursor = last
    ? encodeCursor(s.sort === "connectedAt" && last.connected_at ? last.connected_at.toISOString() : last.hostname, last.id)
    : null;
  return { items, nextCursor };
}

async function page(sql: Prisma.Sql, s: Sort) {
  return toPage(await queryRows<AssetRow>(sql), s);
}

/**
 * How many of a cluster's clients the filter matches: unfiltered, the cluster's maintained client
 * count; otherwise counted, exact up to the cap, then the planner's estimate marked as one.
 */
export async function countClients(clusterId: string, q: z.output<typeof listClientsQuerySchema>): Promise<ListTotal> {
  const conditions = assetConditions(q);
  const cluster = await db().proxyCluster.findUnique({ where: { id: clusterId }, select: { clientCount: true } });
  if (!cluster) throw notFound("Cluster", clusterId);
  if (conditions.length === 0) return { total: cluster.clientCount, totalIsEstimate: false };
  return countMatches(Prisma.sql`SELECT 1 FROM client_connection cc JOIN asset a ON a.id = cc.asset_id
    ${whereClause([Prisma.sql`cc.cluster_id = ${clusterId}::uuid`, ...conditions])}`);
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
  if (!q.q) return page(assetsPageSql(q, "walk"), q);
  // A search: a common term fills its page within the next few thousand hostnames; a rare one
  // does not, and is served by the search indexes. Either way the page is the same. (The start of)
  // an address is a rare term by nature (a few servers'), so it goes to the prefix index at once.
  if (!isAddressTerm(q.q)) {
    const walked = await queryRows<AssetRow>(assetsPageSql(q, "bounded walk"));
    if (walked.length > q.limit) return toPage(walked, q);
  }
  return page(assetsPageSql(q, "search indexes"), q);
}

/** How many assets of the region the filter matches (exact up to the cap, then an estimate). */
export async function countAssets(q: z.output<typeof listAssetsQuerySchema>): Promise<ListTotal> {
  const scope = Prisma.sql`a.region = ${q.region}::"Region"`;
  return countMatches(Prisma.sql`SELECT 1 FROM asset a ${whereClause([scope, ...inventoryFilters(q)])}`);
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
