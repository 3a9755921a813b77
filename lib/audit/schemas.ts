import { z } from "zod";
import { searchTextSchema } from "@/lib/validation/search-text";

export const listAuditEventsQuerySchema = z.strictObject({
  actor: searchTextSchema(255).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(32).optional(),
  targetId: z.string().trim().max(64).optional(),
  outcome: z.enum(["success", "failure"]).optional(),
  region: z.enum(["cn", "intl"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsQuery = z.output<typeof listAuditEventsQuerySchema>;
