import { z } from "zod";

// Larger selections are refused with BATCH_TOO_LARGE (R12) rather than a validation error; a
// selection beyond 500 belongs in a connect job.
export const connectClientsSchema = z.strictObject({ assetIds: z.array(z.uuid()).min(1).max(100_000) });

export const disconnectClientsSchema = z.union([
  z.strictObject({ assetIds: z.array(z.uuid()).min(1).max(100_000) }),
  z.strictObject({ all: z.literal(true) }),
]);
