// POST /api/v1/clusters — R1 (region fixed at creation), R2 (name unique per region, valid address),
// the minimum of online proxies (issue 16; 1 for an IP cluster, R4).
import { audited } from "@/lib/audit/audited";
import { isUniqueViolation } from "@/lib/db/errors";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { classifyAddress } from "./address";
import { assertMinimumFitsAddress } from "./min-online-rule";
import type { CreateClusterInput } from "./schemas";
import { clusterRowSelect, toClusterDto, type ClusterDto } from "./serialize";

export async function createCluster(ctx: RequestContext, input: CreateClusterInput): Promise<ClusterDto> {
  const address = classifyAddress(input.address);
  const minOnlineProxies = input.minOnlineProxies ?? 1;
  if (!address.ok) {
    throw new AppError("VALIDATION_FAILED", "Invalid contact address.", {
      fields: [{ path: "body.address", code: "custom", message: address.problem }],
    });
  }
  return audited(ctx, "cluster.create", { type: "cluster", name: input.name, region: input.region }, async (tx, audit) => {
    // Inside the transaction so that audited() records the refusal (R20).
    assertMinimumFitsAddress(address.kind, minOnlineProxies);
    const row = await tx.proxyCluster
      .create({
        data: {
          region: input.region,
          name: input.name,
          address: address.normalized,
          addressKind: address.kind,
          description: input.description,
          minOnlineProxies,
          policy: { create: {} },
        },
        select: clusterRowSelect,
      })
      .catch((error: unknown) => {
        // Raised inside the transaction so that audited() records the refusal (R20).
        if (!isUniqueViolation(error)) throw error;
        throw new AppError("NAME_TAKEN", `A cluster named "${input.name}" already exists in this region.`, {
          fields: [{ path: "body.name", code: "name_taken", message: "This name is already used in this region." }],
        });
      });
    audit.target.id = row.id;
    audit.details = { address: row.address, addressKind: row.addressKind, minOnlineProxies: row.minOnlineProxies };
    return toClusterDto(row);
  });
}
