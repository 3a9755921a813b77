"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/api-client/api-error";

const TRANSLATED_CODES = [
  "NETWORK_ERROR",
  "INTERNAL",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "UNAVAILABLE",
  "BUSY",
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

/** Wording of a failed request in the user's language; unknown codes quote the server's message. */
export function useErrorText() {
  const t = useTranslations("errors");
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if ((TRANSLATED_CODES as readonly string[]).includes(error.code)) return t(error.code as TranslatedCode);
      return t("unknown", { message: error.message });
    }
    return t("unknown", { message: String((error as Error)?.message ?? error) });
  };
}
