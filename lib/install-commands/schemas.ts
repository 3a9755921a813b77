import { z } from "zod";
import { nameSchema } from "@/lib/validation/names";

export const createInstallCommandSchema = z.strictObject({
  region: z.enum(["cn", "intl"]),
  /** null: the server connects directly and is only added to the inventory (SPEC §7). */
  clusterId: z.uuid().nullable(),
  os: z.enum(["linux", "windows"]),
  provider: z.enum(["alibaba", "aws", "azure", "gcp", "tencent", "huawei", "idc", "other"]),
  groupId: z.uuid().nullable().default(null),
  /** A new group to create and use instead of groupId. */
  newGroupName: nameSchema().optional(),
  createImage: z.boolean().default(false),
  /** R19: 1 hour to 30 days. */
  expiresInHours: z.number().int().min(1).max(720).default(24),
});
export type CreateInstallCommandInput = z.output<typeof createInstallCommandSchema>;
