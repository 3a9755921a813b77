// PATCH /api/v1/clusters/{id} — the description (R3), the minimum of online proxies (issue 16;
// 1 for an IP cluster, R4) and TLS to agents (issue 17: require TLS, TLS port) change; name and
// address do not.
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { proxyPort } from "@/lib/config";
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
    if (input.tlsPort !== undefined && input.tlsPort === proxyPort())
      throw new AppError(
        "TLS_PORT_TAKEN",
        `Port ${input.tlsPort} is where the proxies serve plain HTTP; choose another TLS port.`,
        {
          fields: [{ path: "body.tlsPort", code: "taken", message: `${input.tlsPort} is the plain port (PROXY_PORT).` }],
        },
      );
    const tls = await tx.proxyCluster.findUniqueOrThrow({ where: { id }, select: { requireTls: true, tlsPort: true } });
    // The audit names what was sent, from → to, so a refusal and a change read alike.
    audit.details = {
      ...(input.description === undefined ? {} : { description: { from: current.description, to: input.description } }),
      ...(input.minOnlineProxies === undefined
        ? {}
        : { minOnlineProxies: { from: current.minOnlineProxies, to: input.minOnlineProxies } }),
      ...(input.requireTls === undefined ? {} : { requireTls: { from: tls.requireTls, to: input.requireTls } }),
      ...(input.tlsPort === undefined ? {} : { tlsPort: { from: tls.tlsPort, to: input.tlsPort } }),
    };
    const row = await tx.proxyCluster.update({
      where: { id },
      data: {
        description: input.description,
        minOnlineProxies: input.minOnlineProxies,
        requireTls: input.requireTls,
        tlsPort: input.tlsPort,
      },
      select: clusterRowSelect,
    });
    return toClusterDto(row);
  });
}
