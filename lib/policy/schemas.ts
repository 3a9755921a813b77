// Proxy policy (R17, R18), shared by PUT /api/v1/clusters/{id}/policy and the settings dialog.
import { z } from "zod";
import { directoryPathSchema } from "@/lib/validation/paths";
import { CACHE_DATA_TYPE_IDS } from "./data-types";

export const DEFAULT_CACHE_DIR = "/usr/local/aegis/proxy/log";
export const CACHE_FILE = "export.log";
export const MAX_CACHE_BYTES = 10 * 1024 ** 3;

/** R18: where the proxy writes export.log; lib/validation/paths.ts says what a directory may hold. */
export const cacheDirSchema = directoryPathSchema();

export const policySchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("backflow"),
    /** null or omitted = unlimited (the default, R17). */
    bandwidthKbps: z.number().int().min(1).max(100_000_000).nullable().default(null),
    frequencyPerMin: z.number().int().min(1).max(1_000_000).nullable().default(null),
  }),
  z.strictObject({
    mode: z.literal("cache"),
    cacheDir: cacheDirSchema.default(DEFAULT_CACHE_DIR),
    cacheMaxBytes: z
      .number()
      .int()
      .min(1024 ** 3)
      .max(MAX_CACHE_BYTES)
      .default(MAX_CACHE_BYTES),
    /** Omitted: every supported type, as the dialog starts (issue 13 point 22). */
    dataTypes: z
      .array(z.enum(CACHE_DATA_TYPE_IDS))
      .min(1)
      .max(CACHE_DATA_TYPE_IDS.length)
      .default(() => [...CACHE_DATA_TYPE_IDS]),
  }),
]);
export type PolicyInput = z.output<typeof policySchema>;
