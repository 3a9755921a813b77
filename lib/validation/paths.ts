// A directory the proxy writes to (R18's cache directory), as the forms and the API accept it
// (issue 13 point 14): absolute, no "..", each segment at most 255 bytes (the Linux file-name
// limit), and only characters every shell and file system the proxy runs on handle without
// quoting: ASCII letters, digits, ".", "_", "-" and "/". No spaces, no non-ASCII, no emoji.
import { z } from "zod";

export const PATH_MAX = 1024;
export const PATH_SEGMENT_MAX_BYTES = 255;

const PATH_CHARS = /^[A-Za-z0-9._\-/]*$/;

export function directoryPathSchema() {
  return z
    .string()
    .trim()
    .min(1, { abort: true })
    .max(PATH_MAX)
    .refine((p) => p.startsWith("/"), { params: { reason: "pathNotAbsolute" } })
    .refine((p) => !p.split("/").includes(".."), { params: { reason: "pathDotDot" } })
    .refine((p) => PATH_CHARS.test(p), { params: { reason: "pathChars" } })
    .refine((p) => p.split("/").every((segment) => new TextEncoder().encode(segment).length <= PATH_SEGMENT_MAX_BYTES), {
      params: { reason: "pathSegmentTooLong" },
    });
}
