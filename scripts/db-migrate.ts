// npm run db:migrate — apply pending migrations to DATABASE_URL or the embedded database.
import { migrate, openDatabase } from "./lib/database";

const database = await openDatabase();
try {
  migrate(database.url);
} finally {
  await database.stop();
}
