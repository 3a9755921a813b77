// Checks an install token at registration (R19): unknown → 401, revoked or expired → 410.
import { db, type Tx } from "@/lib/db/client";
import { hashToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/http/errors";
import { proxyBaseUrl } from "@/lib/relay/route-for";

export async function redeemInstallToken(tx: Tx, token: string) {
  const command = await tx.installCommand.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!command) throw new AppError("UNAUTHENTICATED", "Unknown install token: generate a new install command in the console.");
  if (command.revokedAt)
    throw new AppError("GONE", "This install command was revoked: generate a new one in the console.", { reason: "revoked" });
  if (command.expiresAt <= new Date())
    throw new AppError("GONE", "This install command has expired: generate a new one in the console.", { reason: "expired" });
  return command;
}

/**
 * The served install scripts check their token first: a rerun with a dead token must fail at
 * download (curl -f), before the script stops a working agent and then cannot register it.
 */
export async function assertInstallTokenLive(token: string): Promise<void> {
  await redeemInstallToken(db(), token);
}

/**
 * The URL the served script downloads from and the agent reports to (SPEC §8): the cluster's
 * proxies when the command names one, else the console the request reached.
 */
export async function installBaseUrl(token: string, consoleUrl: string): Promise<string> {
  return (await installReach(token, consoleUrl)).url;
}

/**
 * installBaseUrl and, for a command through a cluster (issue 17), the console CA the agent pins
 * and the cluster's TLS settings the script writes into its config.
 */
export async function installReach(
  token: string,
  consoleUrl: string,
): Promise<{ url: string; cluster: { address: string; requireTls: boolean; tlsPort: number } | null }> {
  const command = await db().installCommand.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { cluster: { select: { address: true, requireTls: true, tlsPort: true } } },
  });
  const cluster = command?.cluster ?? null;
  return { url: cluster ? proxyBaseUrl(cluster.address, cluster) : consoleUrl, cluster };
}
