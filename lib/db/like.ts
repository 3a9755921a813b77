// Prisma's `contains` passes % and _ through to LIKE; a search means the characters themselves.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
