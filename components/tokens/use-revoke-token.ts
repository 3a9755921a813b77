"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { revokeToken } from "./tokens-api";
import { tokenKeys } from "./query-keys";

export function useRevokeToken() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
  return useMutation({ mutationFn: revokeToken, onSuccess: refresh, onError: refresh });
}
