// A proxy relays agents' registrations, script and program downloads to the console and signs each
// with its own credential (SPEC §8), so the console knows which proxy relayed every request and
// can hold it to its own cluster. The agent's own Authorization header passes through untouched.
import { authenticateCredential } from "@/lib/agents/authenticate-agent";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

export const RELAY_PROXY_HEADER = "x-aegis-relay-proxy";
export const RELAY_AUTH_HEADER = "x-aegis-relay-authorization";

export type RelayingProxy = { proxyId: string; clusterId: string; hostname: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The proxy that relayed this request, or null when it came straight to the console. */
export async function relayingProxy(request: Request): Promise<RelayingProxy | null> {
  const proxyId = request.headers.get(RELAY_PROXY_HEADER);
  if (proxyId === null) return null;
  if (!UUID.test(proxyId)) throw new AppError("UNAUTHENTICATED", `${RELAY_PROXY_HEADER} must be the relaying proxy's id.`);
  const principal = await authenticateCredential(request.headers.get(RELAY_AUTH_HEADER));
  const [proxy] = await queryRows<{ cluster_id: string }>(Prisma.sql`
    SELECT cluster_id FROM proxy_server WHERE id = ${proxyId}::uuid AND asset_id = ${principal.assetId}::uuid`);
  if (!proxy || (principal.proxyId && principal.proxyId !== proxyId))
    throw new AppError("FORBIDDEN", "The relay credential does not belong to this proxy.");
  return { proxyId, clusterId: proxy.cluster_id, hostname: principal.name };
}
