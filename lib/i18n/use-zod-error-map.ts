"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { zodErrorMap, type ValidationTranslator } from "./zod-error-map";

/** The zod error map in the current language, stable across renders. */
export function useZodErrorMap() {
  // Keys are chosen at run time from issue reasons, so the typed translator is widened here once.
  const t = useTranslations("validation") as unknown as ValidationTranslator;
  return useMemo(() => zodErrorMap(t), [t]);
}
