"use client";
// Puts the server's field errors (VALIDATION_FAILED, NAME_TAKEN) on the form's fields, in the
// user's language where the server names a known reason; the rest stays a form-level error.
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError, type FieldError } from "@/lib/api-client/api-error";
import type { ValidationTranslator } from "@/lib/i18n/zod-error-map";

const CODE_KEYS: Record<string, string> = {
  name_taken: "nameTaken",
  immutable: "immutable",
  ip_cluster_single_proxy: "minOnlineIpCluster",
};

export function useServerFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  const t = useTranslations("validation") as unknown as ValidationTranslator;

  function messageOf(field: FieldError): string {
    const key = CODE_KEYS[field.code] ?? field.message;
    return t.has(key) ? t(key) : field.message;
  }

  /** Returns true when every error of the answer landed on a field. */
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const fieldErrors = error.fieldErrors;
    const placed = fieldErrors.filter((f) => (fields as readonly string[]).includes(f.path));
    for (const f of placed) setError(f.path as Path<T>, { type: "server", message: messageOf(f) }, { shouldFocus: true });
    return placed.length > 0 && placed.length === fieldErrors.length;
  };
}
