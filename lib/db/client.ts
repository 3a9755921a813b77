// The one connection pool of a process, shared by the Prisma client (on the pg driver adapter, no
// native query engine) and by the few hot read paths that send one statement straight to it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { guardPool } from "./pool-guard";
import { defaultDatabaseUrl } from "./url";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/**
 * Bounds on waiting for PostgreSQL (issue 15): a connection that is not ready within
 * DATABASE_CONNECT_TIMEOUT_MS (5 s), or a statement without an answer within
 * DATABASE_QUERY_TIMEOUT_MS (10 s), fails, and the API answers 503 UNAVAILABLE instead of
 * hanging (a stopped or frozen server accepts TCP and then says nothing). TCP keepalive notices a
 * dead peer on idle connections.
 */
export function poolOptions(): pg.PoolConfig {
  return {
    connectionString: process.env.DATABASE_URL ?? defaultDatabaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
    query_timeout: Number(process.env.DATABASE_QUERY_TIMEOUT_MS ?? 10_000),
    keepAlive: true,
  };
}

function pool(): pg.Pool {
  if (!globalForDb.pool) {
    const created = new pg.Pool(poolOptions());
    // An idle connection dropped by a database restart is an "error" event of the pool; unhandled,
    // it would end the process. The pool replaces the connection on the next checkout.
    created.on("error", (err) => log.warn({ err }, "an idle database connection was lost"));
    guardPool(created, (reason) => log.warn(reason));
    globalForDb.pool = created;
  }
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

/** Runs `statement` and returns its rows: on the pool, or on one transaction's connection. */
export type RunRows = <T>(statement: Prisma.Sql) => Promise<T[]>;

/**
 * A transaction of a few raw statements on one pooled connection, for a hot path that needs a row
 * lock (issue 15: the proxy queue acknowledgement) without the ORM's interactive-transaction cost.
 * COMMIT when `work` resolves, ROLLBACK when it throws; a connection whose ROLLBACK fails is
 * destroyed, not given back.
 */
export async function poolTransaction<T>(work: (run: RunRows) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(async <R>(statement: Prisma.Sql) => {
      const rows = await client.query(statement.text, statement.values as unknown[]);
      return rows.rows as R[];
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function disconnectDb() {
  const { prisma, pool: open } = globalForDb;
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
  await prisma?.$disconnect();
  await open?.end();
}
