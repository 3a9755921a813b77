// Webhook destinations (issue 14): an admin adds, edits, deletes and tests them; every change is
// audited. The secret is sealed (lib/crypto/secret-box.ts) and shown once, when made or rotated.
import { randomBytes, randomUUID } from "node:crypto";
import { audited } from "@/lib/audit/audited";
import { seal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { deliverNow } from "./deliver";
import { publicBase, type WebhookPayload } from "./evaluate";
import type { CreateWebhookInput, DeliveryDto, UpdateWebhookInput, WebhookDto } from "./schemas";

export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

type DestinationRow = Prisma.WebhookDestinationGetPayload<{
  include: { deliveries: { select: { status: true; createdAt: true }; take: 1; orderBy: { createdAt: "desc" } } };
}>;
const withLast = { deliveries: { select: { status: true, createdAt: true }, take: 1, orderBy: { createdAt: "desc" } } } as const;

function toDto(row: DestinationRow): WebhookDto {
  const last = row.deliveries[0];
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last ? { status: last.status as "pending", at: last.createdAt.toISOString() } : null,
  };
}

function nameTaken(name: string) {
  return new AppError("NAME_TAKEN", `A webhook destination named "${name}" already exists.`, {
    fields: [{ path: "body.name", code: "name_taken", message: "This name is already used." }],
  });
}

export async function listWebhooks(): Promise<WebhookDto[]> {
  const rows = await db().webhookDestination.findMany({ include: withLast, orderBy: { createdAt: "asc" } });
  return rows.map(toDto);
}

export async function createWebhook(ctx: RequestContext, input: CreateWebhookInput): Promise<WebhookDto & { secret: string }> {
  const id = randomUUID();
  const secret = input.secret ?? generateSecret();
  return audited(ctx, "webhook.create", { type: "webhook_destination", id, name: input.name }, async (tx, audit) => {
    const row = await tx.webhookDestination
      .create({
        data: { id, name: input.name, url: input.url, secretSealed: seal(secret, id), enabled: input.enabled ?? true },
        include: withLast,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      });
    audit.details = { url: row.url, enabled: row.enabled, secret: input.secret ? "given" : "generated" };
    return { ...toDto(row), secret };
  });
}

export async function updateWebhook(
  ctx: RequestContext,
  id: string,
  input: UpdateWebhookInput,
): Promise<WebhookDto & { secret: string | null }> {
  return audited(ctx, "webhook.update", { type: "webhook_destination", id }, async (tx, audit) => {
    const before = await tx.webhookDestination.findUnique({ where: { id } });
    if (!before) throw notFound("Webhook destination", id);
    audit.target.name = before.name;
    const secret = input.rotateSecret ? generateSecret() : (input.secret ?? null);
    const row = await tx.webhookDestination
      .update({
        where: { id },
        data: {
          name: input.name,
          url: input.url,
          enabled: input.enabled,
          ...(secret ? { secretSealed: seal(secret, id) } : {}),
        },
        include: withLast,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
        throw error;
      });
    audit.target.name = row.name;
    const changed: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== before.name) changed.name = { from: before.name, to: row.name };
    if (input.url !== undefined && input.url !== before.url) changed.url = { from: before.url, to: row.url };
    if (input.enabled !== undefined && input.enabled !== before.enabled) changed.enabled = row.enabled;
    if (secret) changed.secret = input.rotateSecret ? "rotated" : "replaced";
    audit.details = changed;
    // A generated secret is shown once; one the admin gave they already know.
    return { ...toDto(row), secret: input.rotateSecret ? secret : null };
  });
}

export async function deleteWebhook(ctx: RequestContext, id: string): Promise<void> {
  await audited(ctx, "webhook.delete", { type: "webhook_destination", id }, async (tx, audit) => {
    const row = await tx.webhookDestination.findUnique({ where: { id } });
    if (!row) throw notFound("Webhook destination", id);
    audit.target.name = row.name;
    const pending = await tx.webhookDelivery.count({ where: { destinationId: id, status: { in: ["pending", "delivering"] } } });
    audit.details = { url: row.url, pendingDeliveriesDropped: pending };
    await tx.webhookDestination.delete({ where: { id } });
  });
}

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: { attemptLog: true } }>;

function toDeliveryDto(d: DeliveryRow): DeliveryDto {
  return {
    id: d.id,
    alertId: d.alertId,
    event: d.event as DeliveryDto["event"],
    status: d.status as DeliveryDto["status"],
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: d.attemptLog
      .sort((a, b) => a.attempt - b.attempt)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
  };
}

export async function listDeliveries(destinationId: string, limit = 50): Promise<DeliveryDto[]> {
  const exists = await db().webhookDestination.count({ where: { id: destinationId } });
  if (!exists) throw notFound("Webhook destination", destinationId);
  const rows = await db().webhookDelivery.findMany({
    where: { destinationId },
    include: { attemptLog: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toDeliveryDto);
}

/** "Send test": a signed test event POSTed now, once; its result returned and audited as the admin. */
export async function testWebhook(ctx: RequestContext, id: string) {
  const destination = await db().webhookDestination.findUnique({ where: { id } });
  if (!destination) throw notFound("Webhook destination", id);
  const deliveryId = randomUUID();
  const now = new Date().toISOString();
  const payload: WebhookPayload = {
    id: deliveryId,
    event: "test",
    alert: {
      id: null,
      kind: "test",
      region: null,
      subject: { type: "test", id: null, name: destination.name },
      openedAt: now,
      resolvedAt: null,
      values: {},
      url: `${publicBase()}/`,
    },
  };
  await db().webhookDelivery.create({
    data: { id: deliveryId, event: "test", destinationId: id, payload: payload as unknown as Prisma.InputJsonValue },
  });
  const outcome = await deliverNow(deliveryId);
  const delivered = outcome?.final === "delivered";
  await audited(ctx, "webhook.test", { type: "webhook_destination", id, name: destination.name }, async (_tx, audit) => {
    audit.details = { deliveryId, delivered, statusCode: outcome?.statusCode ?? null, error: outcome?.error ?? null };
  });
  const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attemptLog: true } });
  return { delivered, statusCode: outcome?.statusCode ?? null, error: outcome?.error ?? null, delivery: toDeliveryDto(row) };
}
