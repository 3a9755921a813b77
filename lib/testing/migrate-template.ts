// `prisma migrate deploy` on the integration template database, fast: the CLI gets a pool that
// lets idle connections go (prisma-migrate.config.ts) and does not wait on the schema engine's
// stray 10 s timer (unref-long-timers.cjs). Because that could in principle let the CLI exit
// early, the result is checked against the migrations folder.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");

export async function migrateTemplate(url: string): Promise<void> {
  try {
    execFileSync(
      path.join(root, "node_modules/.bin/prisma"),
      ["migrate", "deploy", "--config", path.join(import.meta.dirname, "prisma-migrate.config.ts")],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url,
          CHECKPOINT_DISABLE: "1",
          NODE_OPTIONS:
            `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(import.meta.dirname, "unref-long-timers.cjs")}`.trim(),
        },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
  const expected = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1",
    );
    const applied = rows.map((r) => r.migration_name);
    if (JSON.stringify(applied) !== JSON.stringify(expected)) {
      throw new Error(`migrations not all applied: expected ${expected.join(", ")}; applied ${applied.join(", ") || "none"}`);
    }
  } finally {
    await client.end();
  }
}
