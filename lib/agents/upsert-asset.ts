// Registration identity (SPEC §7): the same hostname with an overlapping IP in a region is the
// same asset; for images made with "create image" (R19) the machine id decides instead, so
// clones are told apart. An agent registration passes the hash of the fresh credential it issues.
import type { Tx } from "@/lib/db/client";
import type { Provider, Region } from "@/lib/generated/prisma/client";
import { serviceRefOf, type AssetFacts } from "./schemas";

type Placement = {
  provider?: Provider;
  groupId?: string | null;
  installCommandId?: string;
  byMachineId?: boolean;
  /**
   * SHA-256 of the agent credential this registration issues (the agent reported in just now).
   * A proxy registration passes none: an agent already on the host keeps its credential.
   */
  agentCredentialHash?: string;
};

export async function upsertAssetFromFacts(tx: Tx, region: Region, facts: AssetFacts, placement: Placement = {}) {
  const identity =
    placement.byMachineId && facts.machineId
      ? { region, machineId: facts.machineId }
      : { region, hostname: facts.hostname, ips: { hasSome: facts.ips } };
  const existing = await tx.asset.findFirst({ where: identity, select: { id: true }, orderBy: { createdAt: "asc" } });
  const data = {
    hostname: facts.hostname,
    os: facts.os,
    osVersion: facts.osVersion,
    ips: facts.ips,
    type: facts.type,
    cpuCores: facts.cpuCores,
    memoryMb: facts.memoryMb,
    machineId: facts.machineId ?? null,
    // Only an agent's registration says an agent runs here, with its version and how it runs. A
    // manual proxy's registration leaves an existing agent as it is, and makes a new server
    // "not installed" (issue 13).
    ...(placement.agentCredentialHash
      ? {
          agentVersion: facts.agentVersion,
          agentLastSeenAt: new Date(),
          agentCredentialHash: placement.agentCredentialHash,
          agentInstalled: true,
          serviceManager: facts.service?.manager ?? null,
          serviceRef: facts.service ? serviceRefOf(facts.service) : null,
        }
      : {}),
    ...(placement.provider ? { provider: placement.provider } : {}),
    ...(placement.groupId ? { groupId: placement.groupId } : {}),
    ...(placement.installCommandId ? { installCommandId: placement.installCommandId } : {}),
  };
  const asset = existing
    ? await tx.asset.update({ where: { id: existing.id }, data })
    : await tx.asset.create({
        data: {
          region,
          provider: placement.provider ?? "other",
          agentInstalled: Boolean(placement.agentCredentialHash),
          ...data,
        },
      });
  return { asset, created: !existing };
}
