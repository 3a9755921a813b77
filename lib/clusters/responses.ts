// What the cluster routes answer (issue 14): the schemas the OpenAPI document is generated from,
// and the DTO types inferred from them.
import { z } from "zod";
import { listOf, regionField, rowId, timestamp } from "@/lib/validation/response-fields";

export const clusterStatusField = z
  .enum(["online", "degraded", "offline"])
  .describe("online: at least minOnlineProxies serve; degraded: some but fewer; offline: none.");

export const clusterSchema = z
  .object({
    id: rowId(),
    region: regionField,
    name: z.string(),
    address: z.string().describe("The contact address: an IPv4 or IPv6 address, or a domain name."),
    addressKind: z.enum(["ipv4", "ipv6", "domain"]),
    description: z.string(),
    status: clusterStatusField,
    proxyCount: z.number().int(),
    onlineProxyCount: z.number().int().describe("Proxies that serve now (online, upgrading or stopping)."),
    minOnlineProxies: z.number().int().describe("The proxy group's minimum; always 1 for an IP cluster."),
    requireTls: z.boolean().describe("The proxies refuse plain HTTP from agents (issue 17)."),
    tlsPort: z.number().int().describe("The port the proxies serve agents on over TLS."),
    clientCount: z.number().int(),
    capacity: z.number().int().describe("What the serving proxies can hold together."),
    capacityUse: z.number().describe("The share of the capacity in use (1 = full)."),
    requiredBandwidthKbps: z.number().describe("10 Kbit/s per connected client."),
    policyMode: z.enum(["backflow", "cache"]),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: "Cluster" });
export type ClusterDto = z.infer<typeof clusterSchema>;

export const clusterListSchema = listOf(clusterSchema);
