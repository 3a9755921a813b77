// API tokens for scripts (issue #3): shown once at creation, stored as a SHA-256, revocable.
import { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { db } from "@/lib/db/client";
import { hashToken, newToken, tokenHint } from "@/lib/crypto/tokens";
import type { RequestContext } from "@/lib/http/context";
import { notFound } from "@/lib/http/errors";
import type { ApiTokenDto } from "./responses";
import type { createTokenSchema } from "./schemas";

export type { ApiTokenDto };

type Row = Awaited<ReturnType<ReturnType<typeof db>["apiToken"]["findFirstOrThrow"]>>;

function toDto(row: Row): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    tokenHint: row.tokenHint,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(): Promise<ApiTokenDto[]> {
  const rows = await db().apiToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/** The token itself is in the answer once and nowhere else. */
export async function createApiToken(
  ctx: RequestContext,
  input: z.output<typeof createTokenSchema>,
): Promise<ApiTokenDto & { token: string }> {
  const token = newToken("pac");
  return audited(ctx, "token.create", { type: "api_token", name: input.name }, async (tx, audit) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        role: input.role,
        tokenHash: hashToken(token),
        tokenHint: tokenHint(token),
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdByName: ctx.actor.name,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
    });
    audit.target.id = row.id;
    audit.details = { role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null };
    return { ...toDto(row), token };
  });
}

/** Takes effect at once: authentication reads the row on every request. */
export async function revokeApiToken(ctx: RequestContext, id: string): Promise<ApiTokenDto> {
  return audited(ctx, "token.revoke", { type: "api_token", id }, async (tx, audit) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row) throw notFound("API token", id);
    audit.target.name = row.name;
    const updated = await tx.apiToken.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() } });
    return toDto(updated);
  });
}
