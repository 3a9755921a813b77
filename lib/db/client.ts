// The one connection pool of a process, shared by the Prisma client (on the pg driver adapter, no
// native query engine) and by the few hot read paths that send one statement straight to it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_DATABASE_URL } from "./url";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

function pool(): pg.Pool {
  globalForDb.pool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  return globalForDb.pool;
}

/** The process's pool itself, for work that needs one connection of its own (lib/retention). */
export function dbPool(): pg.Pool {
  return pool();
}

/** Lazily created so that importing a module never opens a connection. */
export function db(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

/**
 * One statement built with Prisma.sql (every value a bound parameter), sent straight to the pool,
 * outside any transaction: for the hot paths every request or heartbeat pays (lists, the token
 * and credential checks, the heartbeats, each one statement), where the ORM's own work per query
 * costs more than the query (issue #5, `npm run bench:clients`, `bench:heartbeats`). Rows come
 * back as pg parses them: timestamps as Date, json as objects, arrays as arrays, enums as strings.
 */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  const result = await pool().query(statement.text, statement.values as unknown[]);
  return result.rows as T[];
}

export async function disconnectDb() {
  const { prisma, pool: open } = globalForDb;
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
  await prisma?.$disconnect();
  await open?.end();
}
