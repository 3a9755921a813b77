// What the rolling-upgrade routes take (issue 17).
import { z } from "zod";

export const MAX_BATCH_SIZE = 10;

export const createRolloutSchema = z.strictObject({
  batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).default(1).describe("How many proxies upgrade at once."),
});
export type CreateRolloutInput = z.infer<typeof createRolloutSchema>;

export const rolloutParamsSchema = z.strictObject({ id: z.uuid(), rolloutId: z.uuid() });

export const rolloutActionSchema = z.strictObject({ action: z.enum(["pause", "resume", "cancel"]) });
