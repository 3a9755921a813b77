// Issue 15, point 5: the embedded PostgreSQL's secrets. A new data folder gets a random superuser
// password kept beside it (mode 600), and the console connects as a role of its own that is no
// superuser and owns only its database. A folder made before (superuser password "postgres",
// everything owned by the superuser) is moved over at its next start.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { CONSOLE_ROLE, credentialsFileFor, LEGACY_PASSWORD, urlFor } from "./embedded-credentials";
import { freePort } from "./port";

const root = mkdtempSync(path.join(tmpdir(), "pac-creds-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refused(url: string): Promise<string | undefined> {
  return query(url, "SELECT 1").then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );
}

describe("embedded PostgreSQL secrets", () => {
  it("a new folder: a random superuser password in a mode-600 file, and the console's own role", async () => {
    const dataDir = path.join(root, "new", "pg");
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "proxy_access" });
    try {
      const file = credentialsFileFor(dataDir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(new URL(db.url).username).toBe(CONSOLE_ROLE);
      expect(await refused(urlFor("postgres", LEGACY_PASSWORD, db.port, "postgres"))).toBe("28P01");
      const [me] = await query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
        db.url,
        "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user",
      );
      expect(me).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
      const [owner] = await query<{ owner: string }>(
        db.url,
        "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()",
      );
      expect(owner?.owner).toBe(CONSOLE_ROLE);
      // The server's own database is not the console's.
      const other = new URL(db.url);
      other.pathname = "/postgres";
      expect(await refused(other.toString())).toBe("42501");
    } finally {
      await db.stop();
    }
  });

  it("an old folder (password postgres, all owned by the superuser) is moved over at its next start", async () => {
    const dataDir = path.join(root, "old", "pg");
    const file = credentialsFileFor(dataDir);
    // Make the folder as the console did before: the legacy password, objects owned by postgres.
    mkdirSync(path.dirname(dataDir), { recursive: true });
    writeFileSync(file, JSON.stringify({ superuserPassword: LEGACY_PASSWORD, consolePassword: "unused" }), { mode: 0o600 });
    const before = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "proxy_access" });
    const legacyDb = urlFor("postgres", LEGACY_PASSWORD, before.port, "proxy_access");
    await query(urlFor("postgres", LEGACY_PASSWORD, before.port, "postgres"), "ALTER DATABASE proxy_access OWNER TO postgres");
    await query(legacyDb, "ALTER SCHEMA public OWNER TO postgres");
    await query(
      legacyDb,
      "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE thing (id serial PRIMARY KEY, m mood); INSERT INTO thing (m) VALUES ('ok')",
    );
    await query(legacyDb, `DROP ROLE IF EXISTS ${CONSOLE_ROLE}`).catch(() => undefined);
    await before.stop();
    rmSync(file);

    const after = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "proxy_access" });
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await refused(urlFor("postgres", LEGACY_PASSWORD, after.port, "postgres"))).toBe("28P01");
      const owners = await query<{ name: string; owner: string }>(
        after.url,
        `SELECT 'database' AS name, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()
         UNION ALL SELECT 'schema', pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'
         UNION ALL SELECT relname, pg_get_userbyid(relowner) FROM pg_class WHERE relname IN ('thing', 'thing_id_seq')
         UNION ALL SELECT typname, pg_get_userbyid(typowner) FROM pg_type WHERE typname = 'mood' ORDER BY 1`,
      );
      expect(
        owners.every((o) => o.owner === CONSOLE_ROLE),
        JSON.stringify(owners),
      ).toBe(true);
      expect(owners).toHaveLength(5);
      await query(after.url, "INSERT INTO thing (m) VALUES ('ok')");
      expect(await query<{ n: string }>(after.url, "SELECT count(*) AS n FROM thing")).toEqual([{ n: "2" }]);
    } finally {
      await after.stop();
    }
  });
});
