// Browser calls of the API token endpoints (admin); every failure is an ApiError.
import type { z } from "zod";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { ApiTokenDto } from "@/lib/auth/api-tokens";
import type { createTokenSchema } from "@/lib/auth/schemas";

export type { ApiTokenDto };
/** The answer to a create: the only time the token itself is ever sent. */
export type CreatedToken = ApiTokenDto & { token: string };

export async function listTokens(signal?: AbortSignal): Promise<ApiTokenDto[]> {
  return (await fetchJson<{ items: ApiTokenDto[] }>("/api/v1/tokens", { signal })).items;
}

export function createToken(input: z.output<typeof createTokenSchema>): Promise<CreatedToken> {
  return fetchJson<CreatedToken>("/api/v1/tokens", { method: "POST", body: input });
}

export function revokeToken(id: string): Promise<ApiTokenDto> {
  return fetchJson<ApiTokenDto>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export type TokenStatus = "active" | "expired" | "revoked";

export function tokenStatus(token: ApiTokenDto, now = Date.now()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return "expired";
  return "active";
}
