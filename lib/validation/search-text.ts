import { z } from "zod";

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A free-text search box: trimmed, bounded, no control characters (PostgreSQL refuses NUL). */
export function searchTextSchema(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v), { params: { reason: "controlChars" } });
}
