// Where the embedded PostgreSQL listens when DATABASE_URL is unset (scripts/start.ts).
export const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
export const DEFAULT_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/proxy_access`;
