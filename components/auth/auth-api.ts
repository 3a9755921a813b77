// Browser calls of the sign-in API; every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { z } from "zod";
import type { changePasswordSchema, signInSchema } from "@/lib/auth/schemas";
import type { SessionUser } from "./session-provider";

export function signIn(input: z.output<typeof signInSchema>): Promise<{ user: SessionUser }> {
  return fetchJson<{ user: SessionUser }>("/api/v1/auth/sign-in", { method: "POST", body: input });
}

export function signOut(): Promise<void> {
  return fetchJson<void>("/api/v1/auth/sign-out", { method: "POST" });
}

export function changePassword(input: z.output<typeof changePasswordSchema>): Promise<void> {
  return fetchJson<void>("/api/v1/auth/password", { method: "POST", body: input });
}
