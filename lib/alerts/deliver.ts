// Webhook delivery (issue 14). Every instance may run it: due deliveries are claimed with
// FOR UPDATE SKIP LOCKED and a lease, so one instance POSTs each; a claim whose instance died is
// taken again once its lease has run out. Each attempt is logged; the final outcome (delivered or
// failed) is audited once, as the system.
import { createHmac } from "node:crypto";
import { auditInTx } from "@/lib/audit/audited";
import { unseal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { systemContext } from "@/lib/http/context";
import { log } from "@/lib/log";

/** Attempts before a delivery fails for good. */
export const MAX_ATTEMPTS = 8;
/** A receiver that has not answered within this long has failed the attempt. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How long a claim lasts: longer than the request timeout. */
const CLAIM_SECONDS = 60;

/** Seconds before attempt n+1 after n failed: 10 s, 30 s, 1.5 min, 4.5 min… capped at 1 h, ±20 % jitter. */
export function backoffSeconds(failedAttempts: number, random = Math.random()): number {
  const base = Math.min(3600, 10 * 3 ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (0.8 + 0.4 * random) * 10) / 10;
}

/** The X-PAC-Signature value: HMAC-SHA256 of "<timestamp>.<body>" under the destination's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function signedHeaders(
  deliveryId: string,
  secret: string,
  body: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  return {
    "content-type": "application/json",
    "user-agent": "proxy-access-console-webhook",
    "x-pac-delivery": deliveryId,
    "x-pac-timestamp": timestamp,
    "x-pac-signature": signature(secret, timestamp, body),
  };
}

type Claimed = {
  id: string;
  alert_id: string | null;
  event: string;
  attempts: number;
  payload: unknown;
  destination_id: string;
  destination_name: string;
  url: string;
  secret_sealed: string;
  enabled: boolean;
};

export type AttemptOutcome = {
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  final: "delivered" | "failed" | null;
};

/** Claims up to `limit` due deliveries (or one, by id: the test button). */
async function claim(limit: number, onlyId?: string): Promise<Claimed[]> {
  const filter = onlyId ? Prisma.sql`AND id = ${onlyId}::uuid` : Prisma.empty;
  return db().$queryRaw<Claimed[]>(Prisma.sql`
    WITH due AS (
      SELECT id FROM webhook_delivery
       WHERE ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'delivering' AND lease_until < now())) ${filter}
       ORDER BY next_attempt_at
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED)
    UPDATE webhook_delivery d
       SET status = 'delivering', attempts = d.attempts + 1, lease_until = now() + ${CLAIM_SECONDS}::float8 * interval '1 second'
      FROM due, webhook_destination w
     WHERE d.id = due.id AND w.id = d.destination_id
    RETURNING d.id, d.alert_id, d.event, d.attempts, d.payload, w.id AS destination_id, w.name AS destination_name, w.url,
              w.secret_sealed, w.enabled`);
}

async function post(c: Claimed): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
  const started = performance.now();
  const secret = unseal(c.secret_sealed, c.destination_id);
  if (!c.enabled) return { statusCode: null, error: "The destination is disabled.", durationMs: 0 };
  if (secret === null)
    return { statusCode: null, error: "The destination's secret cannot be opened with this key.", durationMs: 0 };
  const body = JSON.stringify(c.payload);
  try {
    const response = await fetch(c.url, {
      method: "POST",
      headers: signedHeaders(c.id, secret, body),
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const message =
      e.name === "TimeoutError"
        ? `No answer within ${REQUEST_TIMEOUT_MS / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { statusCode: null, error: message.slice(0, 1000), durationMs: Math.round(performance.now() - started) };
  }
}

/** Records one attempt; the update is fenced on (status, attempts), so a claim taken over by another instance is not overwritten. */
async function record(c: Claimed, result: Awaited<ReturnType<typeof post>>): Promise<AttemptOutcome> {
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const final = ok ? "delivered" : c.attempts >= MAX_ATTEMPTS || !c.enabled || c.event === "test" ? "failed" : null;
  const retryIn = backoffSeconds(c.attempts);
  await db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: c.id,
        attempt: c.attempts,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
      },
    });
    const updated = await tx.$executeRaw(Prisma.sql`
      UPDATE webhook_delivery
         SET status = ${final ?? "pending"},
             last_status_code = ${result.statusCode}::int,
             last_error = ${result.error},
             lease_until = NULL,
             delivered_at = CASE WHEN ${ok}::boolean THEN now() ELSE NULL END,
             next_attempt_at = CASE WHEN ${final === null}::boolean THEN now() + ${retryIn}::float8 * interval '1 second' ELSE next_attempt_at END
       WHERE id = ${c.id}::uuid AND status = 'delivering' AND attempts = ${c.attempts}`);
    if (updated === 1 && final && c.event !== "test")
      await auditInTx(
        tx,
        systemContext("webhooks"),
        `webhook.${final}`,
        { type: "webhook_destination", id: c.destination_id, name: c.destination_name },
        {
          deliveryId: c.id,
          alertId: c.alert_id,
          event: c.event,
          attempts: c.attempts,
          statusCode: result.statusCode,
          error: result.error,
        },
      );
  });
  return { deliveryId: c.id, attempt: c.attempts, statusCode: result.statusCode, error: result.error, final };
}

/** One delivery pass: claims what is due and POSTs it. Returns what each attempt gave. */
export async function deliverDue(options: { limit?: number } = {}): Promise<AttemptOutcome[]> {
  const claimed = await claim(options.limit ?? 20);
  return Promise.all(claimed.map(async (c) => record(c, await post(c))));
}

/** The test button: one attempt now, its outcome returned (a test is not retried). */
export async function deliverNow(deliveryId: string): Promise<AttemptOutcome | null> {
  const [c] = await claim(1, deliveryId);
  if (!c) return null;
  return record(c, await post(c)).catch((error: unknown) => {
    log.error({ err: error, deliveryId }, "recording a test delivery failed");
    throw error;
  });
}
