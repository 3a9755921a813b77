"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/errors/use-error-text";
import { ApiError } from "@/lib/api-client/api-error";

/** Refusals of the proxy rules (R4, R5, R8, R10) in the user's language; other errors as everywhere. */
const PROXY_CODES = [
  "NOT_FOUND",
  "NOT_LINUX",
  "AGENT_OFFLINE",
  "REGION_MISMATCH",
  "IP_CLUSTER_SINGLE_PROXY",
  "ALREADY_PROXY",
  "PROXY_ONLINE",
  "PROXY_BUSY",
  "PROXY_NOT_RUNNING",
  "ALREADY_LATEST",
] as const;
type ProxyCode = (typeof PROXY_CODES)[number];

function isProxyCode(code: string): code is ProxyCode {
  return (PROXY_CODES as readonly string[]).includes(code);
}

export function useProxyErrorText() {
  const t = useTranslations("proxies.errors");
  const fallback = useErrorText();
  return (error: unknown): string => (error instanceof ApiError && isProxyCode(error.code) ? t(error.code) : fallback(error));
}
