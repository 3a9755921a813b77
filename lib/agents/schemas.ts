// Bodies of the agent protocol (SPEC §7), spoken by real agents, proxies and the simulator.
import { z } from "zod";

const version = z
  .string()
  .trim()
  .regex(/^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/)
  .max(32);
const ip = z.union([z.ipv4(), z.ipv6()]);

export const assetFactsSchema = z.object({
  hostname: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+$/),
  os: z.enum(["linux", "windows"]),
  osVersion: z.string().trim().min(1).max(128),
  ips: z.array(ip).min(1).max(32),
  type: z.enum(["host", "container"]).default("host"),
  cpuCores: z.number().int().min(1).max(1024).nullable().default(null),
  memoryMb: z.number().int().min(64).max(16_777_216).nullable().default(null),
  agentVersion: version,
  /** Sent by images made with "create image" so clones are told apart (R19). */
  machineId: z.string().trim().min(8).max(128).optional(),
});
export type AssetFacts = z.output<typeof assetFactsSchema>;

export const registerAgentSchema = z.strictObject({ installToken: z.string().min(10).max(200), ...assetFactsSchema.shape });

export const agentHeartbeatSchema = z.strictObject({ agentVersion: version, viaProxyId: z.uuid().nullable().default(null) });

export const registerProxySchema = z.strictObject({
  deployToken: z.string().min(10).max(200),
  ...assetFactsSchema.shape,
  proxyVersion: version,
});

export const proxyHeartbeatSchema = z.strictObject({
  proxyVersion: version,
  connectedClients: z.number().int().min(0).max(10_000_000),
  bytesRelayed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  cacheBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** The proxy policy version the proxy runs (issue #6 shows which proxies are current). */
  policyVersion: z.number().int().min(0).nullable().default(null),
});

export const proxyIdParamsSchema = z.strictObject({ id: z.uuid() });
