// Test child for the start-sequence tests: opens the database exactly as every script does
// (openDatabase, from DATA_DIR / EMBEDDED_PG_PORT / EMBEDDED_PG_HOME), prints one line
// `ready {json}`, keeps it open until SIGINT or SIGTERM, then stops what it started.
// TEST_BIN_DIR stands for binaries the postgres user cannot reach.
import { openDatabase } from "../lib/database";
import { oneLine } from "../lib/start-checks";

try {
  const database = await openDatabase((line) => console.log(`[log] ${line}`), { binDir: process.env.TEST_BIN_DIR });
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  console.log(`ready ${JSON.stringify({ url: database.url, port: database.port, attached: database.attached })}`);
  setInterval(() => undefined, 60_000); // hold the database open
} catch (error) {
  console.error(`[console] ${oneLine(error)}`);
  process.exit(1);
}
