// GET /api/health — for load balancers and the start script, no credentials: 200 while this
// instance can run a statement on PostgreSQL, 503 when it cannot or not within 2 s (a silent
// database host would otherwise hold the check until TCP gives up).
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;
const NO_STORE = { "cache-control": "no-store" };

export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  try {
    await Promise.race([queryRows(Prisma.sql`SELECT 1`), timeout]);
    return Response.json({ status: "ok" }, { headers: NO_STORE });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: NO_STORE });
  } finally {
    clearTimeout(timer);
  }
}
