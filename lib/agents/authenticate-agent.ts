// Agent routes authenticate with the per-agent credential issued at registration (SPEC §7):
// an asset's agent credential, or a manually deployed proxy's own credential. Operator API
// tokens never authenticate here.
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";

export type AgentPrincipal = { assetId: string; proxyId: string | null; name: string };

export async function authenticateAgent(request: Request): Promise<AgentPrincipal> {
  const match = /^Bearer\s+(pag_\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match)
    throw new AppError("UNAUTHENTICATED", "Send the agent credential issued at registration as Authorization: Bearer pag_...");
  const hash = hashToken(match[1]!);
  const asset = await db().asset.findUnique({ where: { agentCredentialHash: hash }, select: { id: true, hostname: true } });
  if (asset) return { assetId: asset.id, proxyId: null, name: asset.hostname };
  const proxy = await db().proxyServer.findUnique({
    where: { credentialHash: hash },
    select: { id: true, assetId: true, asset: { select: { hostname: true } } },
  });
  if (proxy) return { assetId: proxy.assetId, proxyId: proxy.id, name: proxy.asset.hostname };
  const retired = await db().retiredCredential.findUnique({ where: { credentialHash: hash } });
  if (retired)
    throw new AppError("GONE", "This proxy server was deleted from the console; stop the proxy process.", { reason: "deleted" });
  throw new AppError("UNAUTHENTICATED", "Unknown or revoked agent credential.");
}
