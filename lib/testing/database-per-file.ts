// Integration tier, once per test file (a vitest setupFile): copy the migrated template into a
// database of the file's own and point DATABASE_URL at it before the file imports the db
// client, so files never see each other's rows and can run in parallel.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { CONSOLE_ROLE } from "@/lib/db/embedded-credentials";
import { TEMPLATE_DATABASE } from "./database-names";

const adminUrl = inject("pgAdminUrl");
const name = `pac_test_${randomUUID().replaceAll("-", "")}`;

async function createFromTemplate(attempt = 1): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" OWNER "${CONSOLE_ROLE}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  } catch (error) {
    // 55006: the template is briefly in use (another file is copying it right now).
    if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    return createFromTemplate(attempt + 1);
  } finally {
    await admin.end();
  }
}

await createFromTemplate();
const url = new URL(inject("pgConsoleUrl"));
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  // Also forget the client, in case the worker runs another file next.
  await disconnectDb();
});
