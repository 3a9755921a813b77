// Browser calls of the users API (admin); every failure is an ApiError.
import type { z } from "zod";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { createUserSchema, updateUserSchema } from "@/lib/auth/schemas";
import type { UserDto } from "@/lib/auth/users";

export type { UserDto };
export type CreatedUser = UserDto & { temporaryPassword?: string };

export async function listUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return (await fetchJson<{ items: UserDto[] }>("/api/v1/users", { signal })).items;
}

export function createUser(input: z.output<typeof createUserSchema>): Promise<CreatedUser> {
  return fetchJson<CreatedUser>("/api/v1/users", { method: "POST", body: input });
}

export function updateUser(id: string, change: z.output<typeof updateUserSchema>): Promise<UserDto> {
  return fetchJson<UserDto>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}
