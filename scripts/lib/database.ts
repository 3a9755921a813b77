// The database a script works on: DATABASE_URL when set, otherwise the embedded server
// in DATA_DIR (default .data/), started or attached to.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { chooseEmbeddedPort } from "../../lib/db/port";
import { embeddedDataDir } from "../../lib/db/url";

export const dataDir = embeddedDataDir();

export async function openDatabase(
  log: (line: string) => void = console.log,
  options: { binDir?: string } = {},
): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, port: Number(new URL(url).port || 5432), attached: true, stop: async () => undefined };
  }
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "pg"),
    port: () => chooseEmbeddedPort(dataDir, log),
    database: "proxy_access",
    log,
    binDir: options.binDir,
  });
  process.env.DATABASE_URL = database.url;
  return database;
}

/** Runs the Prisma CLI against `url` (JS engine: the URL must be in its environment). */
export function prismaCli(args: string[], url: string, opts: { capture?: boolean } = {}): string {
  const out = execFileSync(path.resolve("node_modules/.bin/prisma"), args, {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", opts.capture ? "pipe" : "inherit", "inherit"],
  });
  return out ?? "";
}

export function migrate(url: string) {
  prismaCli(["migrate", "deploy"], url);
}
