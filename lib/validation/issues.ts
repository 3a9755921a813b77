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
};

/** zod error map for API answers: our custom reasons in English, zod's defaults otherwise. */
export function apiErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  const reason = (issue as { params?: { reason?: string } }).params?.reason;
  return reason ? REASON_TEXT_EN[reason] : undefined;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    code: issue.code,
    message: issue.message,
  }));
}
