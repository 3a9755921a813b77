// Agent routes authenticate with the per-agent credential issued at registration (SPEC §7):
// an asset's agent credential, or a manually deployed proxy's own credential. Operator API
// tokens never authenticate here.
import { hashToken } from "@/lib/crypto/tokens";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { proxyDeleted } from "@/lib/proxies/stop-command";

export type AgentPrincipal = { assetId: string; proxyId: string | null; name: string };

export async function authenticateAgent(request: Request): Promise<AgentPrincipal> {
  return authenticateCredential(request.headers.get("authorization"));
}

/** An `Authorization`-style value (`Bearer pag_…`): an asset's agent credential or a manual proxy's own. */
export async function authenticateCredential(header: string | null): Promise<AgentPrincipal> {
  const match = /^Bearer\s+(pag_\S+)$/i.exec(header ?? "");
  if (!match)
    throw new AppError("UNAUTHENTICATED", "Send the agent credential issued at registration as Authorization: Bearer pag_...");
  const hash = hashToken(match[1]!);
  // One round trip for both kinds: an asset's agent credential or a manual proxy's own.
  const [found] = await queryRows<{ asset_id: string; proxy_id: string | null; hostname: string }>(Prisma.sql`
    SELECT a.id AS asset_id, NULL::uuid AS proxy_id, a.hostname FROM asset a WHERE a.agent_credential_hash = ${hash}
    UNION ALL
    SELECT p.asset_id, p.id, a.hostname FROM proxy_server p JOIN asset a ON a.id = p.asset_id WHERE p.credential_hash = ${hash}
    LIMIT 1`);
  if (found) return { assetId: found.asset_id, proxyId: found.proxy_id, name: found.hostname };
  const [retired] = await queryRows(Prisma.sql`SELECT 1 FROM retired_credential WHERE credential_hash = ${hash}`);
  if (retired) throw proxyDeleted();
  throw new AppError("UNAUTHENTICATED", "Unknown or revoked agent credential.");
}
