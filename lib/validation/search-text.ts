import { z } from "zod";

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Text without control characters (PostgreSQL refuses NUL; the others break logs and layouts). */
export function withoutControlChars(schema: z.ZodString) {
  return schema.refine((v) => !CONTROL.test(v), { params: { reason: "controlChars" } });
}

/** A free-text search box: trimmed, bounded, no control characters (PostgreSQL refuses NUL). */
export function searchTextSchema(max: number) {
  return withoutControlChars(z.string().trim().max(max));
}
