// A second console process for the R12 race (lib/clients/batch-interval.int.test.ts): run with
// `tsx` on the same DATABASE_URL, it warms its connection, says "ready", waits for "go" on
// stdin, connects one batch through the real operation, prints the outcome and exits.
import { createInterface } from "node:readline";
import { connectBatch } from "@/lib/clients/connect-batch";
import { db, disconnectDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { systemContext } from "@/lib/http/context";

const [clusterId, ...assetIds] = process.argv.slice(2);
await db().$queryRaw`SELECT 1`;
const lines = createInterface({ input: process.stdin });
console.log(JSON.stringify({ ready: true, pid: process.pid }));
for await (const line of lines) if (line.trim() === "go") break;
try {
  const result = await connectBatch(systemContext("child-process"), clusterId!, assetIds);
  console.log(JSON.stringify({ ok: true, connected: result.connected }));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.log(JSON.stringify({ ok: false, code: error.code, retryAfter: error.headers?.["Retry-After"] ?? null }));
} finally {
  await disconnectDb();
  lines.close();
}
