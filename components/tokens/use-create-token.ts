"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createToken } from "./tokens-api";
import { tokenKeys } from "./query-keys";

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}
