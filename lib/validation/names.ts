// Names operators give (clusters, groups, API tokens): one rule for the forms and the API
// (issue 13 point 14). A name over the limit is refused with the limit, never cut.
// Allowed: letters and digits of any script (Japanese included), spaces, and the punctuation
// below. Refused: emoji and other symbols, control and format characters (zero-width joiners,
// direction marks), which break logs, CSV and layouts or look alike.
import { z } from "zod";

export const NAME_MAX = 64;

/** The punctuation a name may hold besides letters, digits and spaces. */
export const NAME_PUNCTUATION = "-_.,:;()/#@&+'・（）「」、。ー";

const NAME_CHARS = /^[\p{L}\p{M}\p{N} \u3000\-_.,:;()/#@&+'・（）「」、。ー]*$/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export function nameSchema(max = NAME_MAX) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v), { params: { reason: "controlChars" } })
    .refine((v) => CONTROL.test(v) || NAME_CHARS.test(v), { params: { reason: "nameChars" } });
}
