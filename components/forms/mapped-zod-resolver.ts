// A react-hook-form resolver for forms whose fields are not the API's body: the form's values
// are turned into the API input and checked with the API's own zod schema (STYLE: one schema
// for route and form), and each issue is put back on the field the user edits.
import type { FieldErrors, FieldValues, Path, Resolver } from "react-hook-form";
import type { z } from "zod";

type Options<V extends FieldValues, S extends z.ZodType> = {
  schema: S;
  /** The API input the form's values stand for. */
  toInput: (values: V) => z.input<S>;
  /** The form field that shows an issue of the API input's `path` ("expiresInHours" → "expiryDate"). */
  fieldOf: (path: string, values: V) => Path<V> | "root";
  errorMap: (issue: z.core.$ZodRawIssue) => string;
  /** Checks only the form can make (e.g. a date in the past), by field; they win over schema issues. */
  check?: (values: V) => Partial<Record<Path<V>, string>>;
};

export function mappedZodResolver<V extends FieldValues, S extends z.ZodType>(
  options: Options<V, S>,
): Resolver<V, unknown, z.output<S>> {
  return (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(options.check?.(values) ?? {})) {
      if (typeof message === "string") errors[field] = { type: "form", message };
    }
    const result = options.schema.safeParse(options.toInput(values), { error: options.errorMap });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = options.fieldOf(issue.path.map(String).join("."), values);
        errors[field] ??= { type: issue.code, message: issue.message };
      }
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    return { values: result.data as z.output<S>, errors: {} };
  };
}
