// Secrets of the embedded PostgreSQL (issue 15, point 5). Its superuser gets a random password
// made at first start, and the console connects as a role of its own that owns only its
// database; both passwords are kept in a file beside the data folder (mode 600). A data folder
// made before this (superuser password "postgres") is moved over at its next start.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import pg from "pg";

export const SUPERUSER = "postgres";
export const CONSOLE_ROLE = "pac_console";
/** What every embedded data folder used before issue 15. */
export const LEGACY_PASSWORD = "postgres";

export type EmbeddedCredentials = { superuserPassword: string; consolePassword: string };

export function credentialsFileFor(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}-credentials.json`;
}

const newPassword = () => randomBytes(24).toString("base64url");

/** The credentials in `file`, made (and written, mode 600) when there is none yet. */
export function loadOrCreateCredentials(file: string): EmbeddedCredentials {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<EmbeddedCredentials>;
    if (typeof parsed.superuserPassword === "string" && typeof parsed.consolePassword === "string")
      return { superuserPassword: parsed.superuserPassword, consolePassword: parsed.consolePassword };
    throw new Error(`${file} is damaged: it should hold superuserPassword and consolePassword`);
  }
  const credentials = { superuserPassword: newPassword(), consolePassword: newPassword() };
  // Written before any password is set on the server, so a crash in between cannot lock us out:
  // the next start tries this file's password first and the legacy one after.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return credentials;
}

export function urlFor(user: string, password: string, port: number, database: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function tryConnect(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    // 28P01: wrong password. Anything else is a real problem.
    if ((error as { code?: string }).code === "28P01") return null;
    throw error;
  }
}

/**
 * A superuser connection to `database`: with the file's password, else with the legacy one, in
 * which case the superuser's password is changed to the file's (the move of an old folder).
 */
export async function superuserClient(
  port: number,
  credentials: EmbeddedCredentials,
  database = "postgres",
  log: (line: string) => void = () => undefined,
): Promise<pg.Client> {
  const current = await tryConnect(urlFor(SUPERUSER, credentials.superuserPassword, port, database));
  if (current) return current;
  const legacy = await tryConnect(urlFor(SUPERUSER, LEGACY_PASSWORD, port, database));
  if (!legacy)
    throw new Error(`the embedded PostgreSQL on port ${port} refused both its kept superuser password and the old default`);
  log("the embedded PostgreSQL still had the old default superuser password: setting the random one kept beside its data");
  await legacy.query(`ALTER ROLE ${quoteIdent(SUPERUSER)} PASSWORD ${quoteLiteral(credentials.superuserPassword)}`);
  return legacy;
}

/**
 * The console's role (login, no superuser, no role or database creation) with the file's
 * password, owning `database` and every table, sequence, type and function in it. Idempotent: it
 * runs at every start, so a folder made before the role existed is moved over.
 */
export async function ensureConsoleDatabase(
  port: number,
  credentials: EmbeddedCredentials,
  database: string,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const admin = await superuserClient(port, credentials, "postgres", log);
  let moved = false;
  try {
    const role = quoteIdent(CONSOLE_ROLE);
    const password = quoteLiteral(credentials.consolePassword);
    const { rowCount: hasRole } = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [CONSOLE_ROLE]);
    await admin.query(
      `${hasRole ? "ALTER" : "CREATE"} ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${password}`,
    );
    const { rows } = await admin.query<{ owner: string }>(
      "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1",
      [database],
    );
    if (rows.length === 0) await admin.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${role}`);
    else if (rows[0]!.owner !== CONSOLE_ROLE) {
      await admin.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${role}`);
      moved = true;
    }
    // Other databases of the server are none of the console's business.
    await admin.query(`REVOKE CONNECT ON DATABASE postgres FROM PUBLIC`);
  } finally {
    await admin.end();
  }
  if (moved) {
    log(`moving the objects of database ${database} to role ${CONSOLE_ROLE}`);
    const inDb = await superuserClient(port, credentials, database, log);
    try {
      await inDb.query(`DO $$
        DECLARE r record;
        BEGIN
          EXECUTE format('ALTER SCHEMA public OWNER TO %I', '${CONSOLE_ROLE}');
          FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                     -- A sequence of a serial or identity column follows its table.
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
            EXECUTE format('ALTER %s public.%I OWNER TO %I',
              CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, '${CONSOLE_ROLE}');
          END LOOP;
          FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') LOOP
            EXECUTE format('ALTER TYPE public.%I OWNER TO %I', r.typname, '${CONSOLE_ROLE}');
          END LOOP;
          FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.sig, '${CONSOLE_ROLE}');
          END LOOP;
        END $$`);
    } finally {
      await inDb.end();
    }
  }
  return urlFor(CONSOLE_ROLE, credentials.consolePassword, port, database);
}
