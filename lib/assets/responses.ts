// What the inventory and client-list routes answer (issue 14), and the DTO types inferred from it.
import { z } from "zod";
import {
  assetTypeField,
  clientAgentStatusField,
  osField,
  providerField,
  regionField,
  rowId,
  timestamp,
} from "@/lib/validation/response-fields";

const namedRef = z.object({ id: rowId(), name: z.string() });

export const assetSchema = z
  .object({
    id: rowId(),
    hostname: z.string(),
    type: assetTypeField,
    os: osField,
    osVersion: z.string(),
    provider: providerField,
    region: regionField,
    ips: z.array(z.string()),
    cpuCores: z.number().int().nullable(),
    memoryMb: z.number().int().nullable(),
    agentVersion: z.string().nullable().describe("null when no agent is installed."),
    agentStatus: clientAgentStatusField,
    viaProxyId: rowId().nullable().describe("The proxy that relays this agent's heartbeats, or null when it reports directly."),
    agentLastSeenAt: timestamp().nullable(),
    group: namedRef.nullable(),
    tags: z.array(namedRef),
    cluster: z
      .object({ id: rowId(), name: z.string(), connectedAt: timestamp() })
      .nullable()
      .describe("The cluster the server is connected to (at most one)."),
    proxyOf: rowId().nullable().describe("The cluster this server is a proxy server of, if any."),
  })
  .meta({ id: "Asset" });
export type AssetDto = z.infer<typeof assetSchema>;

/** One page of a keyset-paginated list; how many rows the filter matches is the `/count` route's. */
export const assetPageSchema = z
  .object({
    items: z.array(assetSchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "AssetPage" });

/** How many rows a list's filter matches: exact up to 10,000, then the planner's estimate. */
export const listTotalSchema = z
  .object({
    total: z.number().int().min(0),
    totalIsEstimate: z.boolean().describe("True when `total` is the planner's estimate (rounded), not a count."),
  })
  .meta({ id: "ListTotal" });

export const groupListSchema = z.object({
  items: z.array(z.object({ id: rowId(), name: z.string(), assets: z.number().int().describe("Servers in the group.") })),
});

export const tagListSchema = z.object({ items: z.array(namedRef) });
