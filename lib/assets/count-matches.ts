// The number of rows a list's filter matches (issue 13 item 10), at a bounded cost whatever the
// table holds: the planner's estimate first (one EXPLAIN); when it expects many rows, that estimate
// is the answer, marked as one. Otherwise an exact count, capped with a LIMIT and a statement
// timeout; a count that reaches the cap or the timeout falls back to the estimate, marked.
import { db } from "@/lib/db/client";
import { isQueryCanceled } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const EXACT_COUNT_CAP = 10_000;
/** Above this estimate no exact count is tried: it would read at least the cap's rows. */
const COUNT_WHEN_ESTIMATE_UNDER = EXACT_COUNT_CAP * 4;
/** A count that takes longer (a filter the indexes do not serve) gives way to the estimate. */
const COUNT_TIMEOUT_MS = 400;

export type ListTotal = { total: number; totalIsEstimate: boolean };

/** Rounds an estimate to three significant digits: it claims no precision it has not got. */
export function roundEstimate(n: number): number {
  if (n < 1000) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(n / unit) * unit;
}

type Plan = { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] };

/** `rows` is a `SELECT 1 FROM … WHERE …` with no ORDER BY or LIMIT. */
export async function countMatches(rows: Prisma.Sql): Promise<ListTotal> {
  return db().$transaction(async (tx) => {
    const [plan] = await tx.$queryRaw<Plan[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${rows}`);
    const estimate = plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
    const estimated = (atLeast: number) => ({ total: roundEstimate(Math.max(estimate, atLeast)), totalIsEstimate: true });
    if (estimate > COUNT_WHEN_ESTIMATE_UNDER) return estimated(0);
    await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
    // A savepoint: a count cut short by the timeout leaves the transaction usable.
    await tx.$executeRawUnsafe("SAVEPOINT count");
    try {
      const [counted] = await tx.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS n FROM (${rows} LIMIT ${EXACT_COUNT_CAP + 1}) capped`,
      );
      const n = counted?.n ?? 0;
      // The planner may guess fewer than were just counted: never show less than that.
      return n <= EXACT_COUNT_CAP ? { total: n, totalIsEstimate: false } : estimated(EXACT_COUNT_CAP + 1);
    } catch (error) {
      if (!isQueryCanceled(error)) throw error;
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT count");
      return estimated(1);
    }
  });
}
