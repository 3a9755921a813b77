// Translates zod issues into the user's language. The shared schemas carry no fixed wording:
// custom checks name a `params.reason` (lib/validation/issues.ts), built-in checks a code.
import type { z } from "zod";

/** The subset of a next-intl translator for the "validation" namespace this map needs. */
export type ValidationTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** Size issues of numbers speak of values, not of characters. */
const NUMBER_ORIGINS = new Set(["number", "int", "bigint"]);

export function zodErrorMap(t: ValidationTranslator) {
  return (issue: z.core.$ZodRawIssue): string => {
    const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
    if (typeof reason === "string" && t.has(reason)) return t(reason);
    switch (issue.code) {
      case "too_small":
        if (NUMBER_ORIGINS.has(issue.origin)) return t("numberTooSmall", { minimum: Number(issue.minimum) });
        if (issue.origin === "array" || issue.origin === "set") return t("chooseAtLeast", { minimum: Number(issue.minimum) });
        return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { minimum: Number(issue.minimum) });
      case "too_big":
        if (NUMBER_ORIGINS.has(issue.origin)) return t("numberTooBig", { maximum: Number(issue.maximum) });
        return t("tooLong", { maximum: Number(issue.maximum) });
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? t("required") : t("invalid");
      default:
        return t("invalid");
    }
  };
}
