// POST /api/v1/install-commands/{id}/reveal — the command again, for copying from the list
// (issue 13 point 13), while it can still register servers (R19). Each reveal is audited (R20).
import { audited } from "@/lib/audit/audited";
import { unseal } from "@/lib/crypto/secret-box";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { proxyBaseUrl } from "@/lib/relay/route-for";
import { consoleCa } from "@/lib/pki/console-ca";
import { installCommandText } from "./command-text";

/** Binds a sealed token to its row: a ciphertext copied onto another command does not open. */
export function sealContext(id: string): string {
  return `install_command:${id}`;
}

export async function revealInstallCommand(ctx: RequestContext, id: string, base: string) {
  return audited(ctx, "install_command.reveal", { type: "install_command", id }, async (tx, audit) => {
    const row = await tx.installCommand.findUnique({
      where: { id },
      select: {
        region: true,
        os: true,
        tokenHint: true,
        tokenCiphertext: true,
        revokedAt: true,
        expiresAt: true,
        cluster: { select: { address: true, requireTls: true, tlsPort: true } },
      },
    });
    if (!row) throw notFound("Install command", id);
    audit.target = { type: "install_command", id, name: row.tokenHint, region: row.region };
    if (row.revokedAt)
      throw new AppError("GONE", "This install command was revoked: it can no longer be shown or used.", { reason: "revoked" });
    if (row.expiresAt <= new Date())
      throw new AppError("GONE", "This install command has expired: it can no longer be shown or used.", { reason: "expired" });
    const token = row.tokenCiphertext ? unseal(row.tokenCiphertext, sealContext(id)) : null;
    if (!token) {
      // Made before commands were kept sealed, or sealed under another key (ENCRYPTION_KEY changed).
      throw new AppError(
        "NOT_REVEALABLE",
        "This install command cannot be shown again: generate a new one, or revoke it if it is no longer needed.",
        { reason: row.tokenCiphertext ? "key" : "notStored" },
      );
    }
    const reach = row.cluster ? proxyBaseUrl(row.cluster.address, row.cluster) : base;
    const caPem = row.cluster?.requireTls ? (await consoleCa()).certPem : null;
    audit.details = { expiresAt: row.expiresAt.toISOString() };
    return { id, command: installCommandText(reach, token, row.os, caPem), reach, expiresAt: row.expiresAt.toISOString() };
  });
}
