// PATCH /api/v1/clusters/{id} — the description (R3) and the minimum of online proxies (issue 16;
// 1 for an IP cluster, R4) change; name and address do not.
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { classifyAddress } from "./address";
import { lockCluster } from "./lock-cluster";
import { assertMinimumFitsAddress } from "./min-online-rule";
import type { UpdateClusterInput } from "./schemas";
import { clusterRowSelect, toClusterDto, type ClusterDto } from "./serialize";

/** The address as it would have been stored, so re-sending the original is not a change. */
function classifyAddressOrRaw(address: string): string {
  const check = classifyAddress(address);
  return check.ok ? check.normalized : address.trim();
}

export async function updateCluster(ctx: RequestContext, id: string, input: UpdateClusterInput): Promise<ClusterDto> {
  return audited(ctx, "cluster.update", { type: "cluster", id }, async (tx, audit) => {
    const current = await lockCluster(tx, id);
    if (!current) throw notFound("Cluster", id);
    audit.target = { type: "cluster", id, name: current.name, region: current.region };
    const sent = {
      name: input.name?.trim(),
      address: input.address === undefined ? undefined : classifyAddressOrRaw(input.address),
    };
    const changed = (["name", "address"] as const).filter((f) => sent[f] !== undefined && sent[f] !== current[f]);
    if (changed.length > 0) {
      throw new AppError(
        "IMMUTABLE_FIELD",
        `The ${changed.join(" and ")} of a cluster cannot be changed after creation; only the description and the minimum of online proxies can.`,
        {
          fields: changed.map((f) => ({
            path: `body.${f}`,
            code: "immutable",
            message: `${f} cannot be changed after creation.`,
          })),
        },
      );
    }
    if (input.minOnlineProxies !== undefined) assertMinimumFitsAddress(current.addressKind, input.minOnlineProxies);
    // The audit names what was sent, from → to, so a refusal and a change read alike.
    audit.details = {
      ...(input.description === undefined ? {} : { description: { from: current.description, to: input.description } }),
      ...(input.minOnlineProxies === undefined
        ? {}
        : { minOnlineProxies: { from: current.minOnlineProxies, to: input.minOnlineProxies } }),
    };
    const row = await tx.proxyCluster.update({
      where: { id },
      data: { description: input.description, minOnlineProxies: input.minOnlineProxies },
      select: clusterRowSelect,
    });
    return toClusterDto(row);
  });
}
