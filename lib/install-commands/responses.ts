// What the install-command routes answer (issue 14), and the DTO types inferred from it.
import { z } from "zod";
import { listOf, osField, providerField, regionField, rowId, timestamp } from "@/lib/validation/response-fields";

const reach = z.string().describe("The address the server must be able to reach: its cluster's proxies, or the console.");

export const installCommandSchema = z
  .object({
    id: rowId(),
    region: regionField,
    tokenHint: z.string(),
    cluster: z.object({ id: rowId(), name: z.string() }).nullable(),
    deletedCluster: z
      .object({ name: z.string() })
      .nullable()
      .describe("The cluster the command named, when that cluster has since been deleted."),
    reach: z.string().nullable().describe("Its cluster's proxies (http://address:port), or null for the console."),
    os: osField,
    provider: providerField,
    group: z.object({ id: rowId(), name: z.string() }).nullable(),
    createImage: z.boolean(),
    expiresAt: timestamp(),
    revokedAt: timestamp().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
    revealable: z.boolean().describe("Whether the command can be shown again (active, and its token kept sealed)."),
    registrations: z.number().int(),
    createdBy: z.string(),
    createdAt: timestamp(),
  })
  .meta({ id: "InstallCommand" });
export type InstallCommandDto = z.infer<typeof installCommandSchema>;

export const installCommandListSchema = listOf(installCommandSchema);

export const createdInstallCommandSchema = z
  .object({
    id: rowId(),
    token: z.string().describe("The install token (pin_…)."),
    command: z.string().describe("The command to run on the server as an administrator."),
    reach,
    expiresAt: timestamp(),
  })
  .meta({ id: "CreatedInstallCommand" });

export const revealedInstallCommandSchema = z.object({ id: rowId(), command: z.string(), reach, expiresAt: timestamp() });
