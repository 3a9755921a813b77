"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { updateUserSchema } from "@/lib/auth/schemas";
import { updateUser } from "./users-api";
import { userKeys } from "./query-keys";

type Change = { id: string; change: z.output<typeof updateUserSchema> };

export function useUpdateUser() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.list() });
  return useMutation({
    mutationFn: ({ id, change }: Change) => updateUser(id, change),
    onSuccess: refresh,
    // A refusal (LAST_ADMIN) or a 404 means the list may be out of date.
    onError: refresh,
  });
}
