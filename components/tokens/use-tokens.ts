"use client";
import { useQuery } from "@tanstack/react-query";
import { listTokens } from "./tokens-api";
import { tokenKeys } from "./query-keys";

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.list(), queryFn: ({ signal }) => listTokens(signal) });
}
