// Pieces of the response schemas (issue 14). What the API answers is described in zod like what
// it takes: each area's responses.ts holds the schemas, its DTO types are inferred from them, and
// the OpenAPI document is generated from them (lib/openapi).
import { z } from "zod";

/** A row id: PostgreSQL's UUIDs, any version. */
export const rowId = () => z.guid();

/** A time as the API writes it: ISO 8601 in UTC (Date.toISOString()). */
export const timestamp = () => z.iso.datetime();

export const regionField = z.enum(["cn", "intl"]);
export const osField = z.enum(["linux", "windows"]);
export const assetTypeField = z.enum(["host", "container"]);
export const providerField = z.enum(["alibaba", "aws", "azure", "gcp", "tencent", "huawei", "idc", "other"]);
export const roleField = z.enum(["viewer", "operator", "admin"]);
export const agentStatusField = z
  .enum(["online", "offline", "not_installed"])
  .describe("not_installed: a server known only from a manually deployed proxy; no agent protects it.");
export const clientAgentStatusField = z
  .enum(["online", "offline", "not_installed", "proxy_offline"])
  .describe("proxy_offline: the agent is heard through a proxy that is silent or stopped.");

/** `{ items: [...] }`, the shape of every list that is not paginated. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
