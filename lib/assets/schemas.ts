// Filters shared by the asset inventory and a cluster's client list (SPEC §4 screens 5-6).
import { z } from "zod";
import { searchTextSchema } from "@/lib/validation/search-text";

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const assetFilterSchema = z.object({
  q: searchTextSchema(255).optional(),
  type: csv(["host", "container"]).optional(),
  os: csv(["linux", "windows"]).optional(),
  provider: csv(["alibaba", "aws", "azure", "gcp", "tencent", "huawei", "idc", "other"]).optional(),
  group: z.uuid().optional(),
  tag: z.uuid().optional(),
  agentStatus: z.enum(["online", "offline", "not_installed"]).optional(),
});
export type AssetFilter = z.output<typeof assetFilterSchema>;

export const pageSchema = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(["hostname", "connectedAt"]).default("hostname"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listClientsQuerySchema = z.strictObject({ ...assetFilterSchema.shape, ...pageSchema.shape });

export const listAssetsQuerySchema = z.strictObject({
  region: z.enum(["cn", "intl"]),
  connected: z.enum(["yes", "no"]).optional(),
  /** The servers an install command registered (R19 "which"). */
  installCommand: z.uuid().optional(),
  ...assetFilterSchema.shape,
  ...pageSchema.shape,
  sort: z.enum(["hostname"]).default("hostname"),
});
