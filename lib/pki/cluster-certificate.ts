// The certificate a cluster's proxies serve to agents (issue 17 part 4): the newest row of
// cluster_certificate. Issued on first need and renewed when less than a third of its validity is
// left, under the cluster's row lock, so two console instances never issue two at once. The
// private key is sealed with the row id as context (lib/crypto/secret-box.ts).
import { randomUUID } from "node:crypto";
import { clusterCertValidityMs } from "@/lib/config";
import { db } from "@/lib/db/client";
import { seal, unseal } from "@/lib/crypto/secret-box";
import { sharedConsoleCa } from "./console-ca";
import { issueCertificate, needsRenewal } from "./issue-certificate";

export type CertificateRow = {
  id: string;
  fingerprint: string;
  certPem: string;
  sealedKey: string;
  notBefore: Date;
  notAfter: Date;
};

export type ServedCertificate = {
  certificate: string;
  key: string;
  ca: string;
  fingerprint: string;
  caFingerprint: string;
  notAfter: Date;
};

const SELECT = { id: true, fingerprint: true, certPem: true, sealedKey: true, notBefore: true, notAfter: true } as const;

/**
 * The cluster's current certificate, issuing or renewing it first when needed. `known` is the
 * newest row as the caller already read it (the proxy heartbeat reads it in its one statement).
 */
export async function clusterCertificate(
  clusterId: string,
  known: CertificateRow | null | undefined,
  now = new Date(),
): Promise<ServedCertificate | null> {
  const ca = await sharedConsoleCa();
  let row = known === undefined ? await newestRow(clusterId) : known;
  if (needsRenewal(row, now)) row = await renew(clusterId, now);
  if (!row) return null;
  const key = unseal(row.sealedKey, row.id);
  if (key === null) throw new Error(`the private key of cluster certificate ${row.id} does not open with this ENCRYPTION_KEY`);
  return {
    certificate: row.certPem,
    key,
    ca: ca.certPem,
    fingerprint: row.fingerprint,
    caFingerprint: ca.fingerprint,
    notAfter: row.notAfter,
  };
}

function newestRow(clusterId: string): Promise<CertificateRow | null> {
  return db().clusterCertificate.findFirst({ where: { clusterId }, orderBy: { notAfter: "desc" }, select: SELECT });
}

async function renew(clusterId: string, now: Date): Promise<CertificateRow | null> {
  const ca = await sharedConsoleCa();
  return db().$transaction(async (tx) => {
    const [cluster] = await tx.$queryRaw<{ address: string }[]>`
      SELECT address FROM proxy_cluster WHERE id = ${clusterId}::uuid FOR UPDATE`;
    if (!cluster) return null;
    // Another instance may have renewed while this one waited for the lock.
    const current = await tx.clusterCertificate.findFirst({
      where: { clusterId },
      orderBy: { notAfter: "desc" },
      select: SELECT,
    });
    if (!needsRenewal(current, now)) return current;
    // Expired ones serve no one: the table holds the current certificate and the one it replaced.
    await tx.clusterCertificate.deleteMany({ where: { clusterId, notAfter: { lt: now } } });
    const issued = await issueCertificate(ca, cluster.address, { now, validityMs: clusterCertValidityMs() });
    const id = randomUUID();
    return tx.clusterCertificate.create({
      data: {
        id,
        clusterId,
        serial: issued.serial,
        certPem: issued.certPem,
        sealedKey: seal(issued.keyPem, id),
        fingerprint: issued.fingerprint,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      },
      select: SELECT,
    });
  });
}
