// A cluster's certificate (issue 17 part 4): ECDSA P-256, issued by the console CA for the
// cluster's contact address (a DNS name or an IP address in the SAN), for server authentication.
import { createPrivateKey, webcrypto } from "node:crypto";
import { isIP } from "node:net";
import * as x509 from "@peculiar/x509";
import { EC_ALGORITHM, fingerprintOf, randomSerial, type ConsoleCa } from "./console-ca";

export type IssuedCertificate = {
  serial: string;
  certPem: string;
  keyPem: string;
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
};

/** The SAN entry of a contact address (R2: an IP address or a domain name, no port). */
export function subjectAltName(address: string): { type: "ip" | "dns"; value: string } {
  const host = address.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? { type: "ip", value: host } : { type: "dns", value: host.toLowerCase() };
}

export async function issueCertificate(
  ca: ConsoleCa,
  address: string,
  options: { now?: Date; validityMs: number },
): Promise<IssuedCertificate> {
  const now = options.now ?? new Date();
  // A minute back, so a proxy whose clock is a little behind accepts it at once.
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + options.validityMs);
  const keys = (await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const serial = randomSerial();
  const san = subjectAltName(address);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${san.value}`,
    issuer: ca.certificate.subject,
    notBefore,
    notAfter,
    signingAlgorithm: EC_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([san], false),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const keyPem = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }).export({
    format: "pem",
    type: "pkcs8",
  }) as string;
  const certPem = `${cert.toString("pem")}\n`;
  return { serial, certPem, keyPem, fingerprint: fingerprintOf(certPem), notBefore, notAfter };
}

/** R-less rule of issue 17: renew once less than a third of the validity is left. */
export function needsRenewal(cert: { notBefore: Date; notAfter: Date } | null, now = new Date()): boolean {
  if (!cert) return true;
  const total = cert.notAfter.getTime() - cert.notBefore.getTime();
  return cert.notAfter.getTime() - now.getTime() < total / 3;
}
