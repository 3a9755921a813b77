// npm run db:migration -- <name>
// Makes a new migration offline by diffing the last committed schema against the working one
// (prisma migrate dev needs a shadow database the JS engine cannot manage; ENVIRONMENT.md).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, prismaCli } from "./lib/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower case, digits and _)");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d));

let from = ["--from-empty"];
if (hasMigrations) {
  const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
  writeFileSync(file, previous);
  from = ["--from-schema-datamodel", file];
}

// migrate diff still connects through the adapter, so a server must be up.
const database = await openDatabase(() => undefined);
const sql = prismaCli(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], database.url, {
  capture: true,
});
await database.stop();
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.error("The schema has not changed since HEAD: no migration written.");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`wrote ${dir}/migration.sql — apply it with npm run db:migrate`);
