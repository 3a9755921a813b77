import { z } from "zod";

export const planQuerySchema = z.strictObject({
  servers: z.coerce.number().int().min(0).max(10_000_000),
  proxyCores: z.coerce.number().int().min(1).max(1024).default(8),
  proxyMemoryGb: z.coerce.number().min(0.5).max(16_384).default(16),
  uplinkKbps: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  /** N+1 (issue 16): plan one proxy more than the load needs, so losing the largest still serves all. */
  redundancy: z.stringbool().default(false),
  clusterId: z.uuid().optional(),
});
