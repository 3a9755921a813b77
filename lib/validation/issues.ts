// Shared wording of validation issues. Schemas attach `params.reason` to custom checks
// instead of a fixed message, so the API can answer in English and the forms in the
// user's language from the same schema.
import type { z } from "zod";

export type FieldIssue = { path: string; code: string; message: string };

export const REASON_TEXT_EN: Record<string, string> = {
  addressScheme: "Enter the address without a scheme such as https://.",
  addressPort: "Enter the address without a port.",
  addressPath: "Enter the address without a path.",
  addressInvalid: "Enter a valid IPv4 or IPv6 address or a domain name.",
  blank: "Must not be blank.",
  controlChars: "Must not contain control characters.",
  nothingToChange: "Send at least one field to change.",
  pathNotAbsolute: "Enter an absolute path starting with /.",
  pathDotDot: "The path must not contain '..'.",
  pathChars: "Use only ASCII letters, digits, '.', '_', '-' and '/' in the path (no spaces, no other characters).",
  pathSegmentTooLong: "Each folder name in the path can be at most 255 bytes.",
  httpUrl: "Enter an http:// or https:// URL.",
  thresholdRange: "Enter a threshold within the range this rule allows.",
  noThreshold: "This rule has no threshold.",
  nameChars:
    "Use letters and digits (any language), spaces and - _ . , : ; ( ) / # @ & + ' only; emoji and other symbols are not allowed.",
};

/** zod error map for API answers: our custom reasons in English, zod's defaults otherwise. */
export function apiErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  const reason = (issue as { params?: { reason?: string } }).params?.reason;
  if (reason) return REASON_TEXT_EN[reason];
  // Name the limit (issue 13 point 14): a long value is refused, never cut.
  if (issue.code === "too_big" && issue.origin === "string") {
    const length = typeof issue.input === "string" ? issue.input.length : null;
    return `Must be at most ${Number(issue.maximum)} characters${length === null ? "" : ` (this one has ${length})`}.`;
  }
  return undefined;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    code: issue.code,
    message: issue.message,
  }));
}
