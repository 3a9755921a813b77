"use client";
import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";

/**
 * The shared emailSchema reports both an empty and a malformed address as z.email()'s format
 * issue; this says which one it is. Other messages (max length, server errors) pass through.
 */
export function useEmailError() {
  const t = useTranslations();
  return (error: FieldError | undefined, value: string | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type !== "invalid_format") return error.message;
    return (value ?? "").trim() === "" ? t("validation.required") : t("account.emailInvalid");
  };
}
