// What the proxy-policy routes answer (issue 14), and the DTO type inferred from it.
import { z } from "zod";
import { rowId, timestamp } from "@/lib/validation/response-fields";
import { CACHE_DATA_TYPE_IDS } from "./data-types";

export const proxyPolicySchema = z
  .object({
    clusterId: rowId(),
    mode: z.enum(["backflow", "cache"]).describe("backflow: send data to the management center; cache: keep it."),
    bandwidthKbps: z.number().int().nullable().describe("Backflow bandwidth limit; null = unlimited."),
    frequencyPerMin: z.number().int().nullable().describe("Backflow records per minute; null = unlimited."),
    cacheDir: z.string(),
    cacheFile: z.string().describe("Where the proxies write the cached data: <cacheDir>/export.log."),
    cacheMaxBytes: z.number().int().describe("At most 10 GB; the oldest data is overwritten beyond it."),
    dataTypes: z.array(z.enum(CACHE_DATA_TYPE_IDS)),
    version: z.number().int().describe("Goes up with every change; proxies report the version they run."),
    updatedAt: timestamp(),
    clients: z.number().int(),
    requiredKbps: z.number().describe("What the clients need: 10 Kbit/s each."),
    bandwidthShareLimit: z.number().describe("The clients' need must stay at or under this share of a custom bandwidth."),
  })
  .meta({ id: "ProxyPolicy" });
export type PolicyDto = z.infer<typeof proxyPolicySchema>;
