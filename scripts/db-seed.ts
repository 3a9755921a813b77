// npm run db:seed — (re)apply the demo data; safe to run any number of times.
import { disconnectDb } from "../lib/db/client";
import { migrate, openDatabase } from "./lib/database";
import { seedDemo } from "./lib/seed-demo";

const database = await openDatabase();
try {
  migrate(database.url);
  const started = Date.now();
  await seedDemo();
  console.log(`demo data in place (${Date.now() - started} ms)`);
} finally {
  await disconnectDb();
  await database.stop();
}
