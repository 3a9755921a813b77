"use client";
import { useQuery } from "@tanstack/react-query";
import { listUsers } from "./users-api";
import { userKeys } from "./query-keys";

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => listUsers(signal) });
}
