// Recognising database errors that operations turn into rule errors.
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The database is too busy right now (no connection in time, or a serialization conflict). */
export function isTransientBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2028" || error.code === "P2034");
}
