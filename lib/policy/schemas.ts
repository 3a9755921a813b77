// Proxy policy (R17, R18), shared by PUT /api/v1/clusters/{id}/policy and the settings dialog.
import { z } from "zod";
import { CACHE_DATA_TYPE_IDS } from "./data-types";

export const DEFAULT_CACHE_DIR = "/usr/local/aegis/proxy/log";
export const CACHE_FILE = "export.log";
export const MAX_CACHE_BYTES = 10 * 1024 ** 3;

export const cacheDirSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((p) => p.startsWith("/"), { params: { reason: "pathNotAbsolute" } })
  .refine((p) => !p.split("/").includes(".."), { params: { reason: "pathDotDot" } })
  .refine((p) => !/[\u0000-\u001f]/.test(p), { params: { reason: "controlChars" } });

export const policySchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("backflow"),
    /** null = unlimited (the default). */
    bandwidthKbps: z.number().int().min(1).max(100_000_000).nullable(),
    frequencyPerMin: z.number().int().min(1).max(1_000_000).nullable(),
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
    dataTypes: z.array(z.enum(CACHE_DATA_TYPE_IDS)).min(1).max(CACHE_DATA_TYPE_IDS.length),
  }),
]);
export type PolicyInput = z.output<typeof policySchema>;
