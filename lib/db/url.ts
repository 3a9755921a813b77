// Where the embedded PostgreSQL listens when DATABASE_URL is unset (scripts/start.ts): the port
// EMBEDDED_PG_PORT asks for, else the one remembered in DATA_DIR (the default was taken by
// another program when this checkout first started), else 54329. prisma.config.ts and the db
// client use the same URL, so a plain `npx prisma …` finds this checkout's server.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DEFAULT_EMBEDDED_PG_PORT = 54329;
const PORT_FILE = "pg-port";

export function embeddedDataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? ".data");
}

export function rememberedPortFile(dataDir: string): string {
  return path.join(dataDir, PORT_FILE);
}

export function rememberedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(rememberedPortFile(dataDir), "utf8").trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPort(dataDir: string, port: number) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(rememberedPortFile(dataDir), `${port}\n`);
}

export function preferredEmbeddedPort(dataDir = embeddedDataDir()): number {
  if (process.env.EMBEDDED_PG_PORT) return Number(process.env.EMBEDDED_PG_PORT);
  return rememberedPort(dataDir) ?? DEFAULT_EMBEDDED_PG_PORT;
}

/**
 * The embedded database as the console's own role, with the password kept in
 * DATA_DIR/pg-credentials.json (issue 15; lib/db/embedded-credentials.ts). Before the first start
 * there is no such file, and nothing to connect to either.
 */
export function defaultDatabaseUrl(dataDir = embeddedDataDir(), port = preferredEmbeddedPort(dataDir)): string {
  try {
    const { consolePassword } = JSON.parse(readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")) as {
      consolePassword: string;
    };
    return `postgresql://pac_console:${encodeURIComponent(consolePassword)}@127.0.0.1:${port}/proxy_access`;
  } catch {
    return `postgresql://pac_console@127.0.0.1:${port}/proxy_access`;
  }
}
